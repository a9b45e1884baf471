package dev.tandem.integration.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tandem.referral.EventId;
import dev.tandem.referral.EventInput;
import dev.tandem.referral.Referrals;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import static dev.tandem.integration.internal.StripeJson.first;
import static dev.tandem.integration.internal.StripeJson.id;
import static dev.tandem.integration.internal.StripeJson.list;
import static dev.tandem.integration.internal.StripeJson.number;
import static dev.tandem.integration.internal.StripeJson.present;
import static dev.tandem.integration.internal.StripeJson.text;

/**
 * Refunds and disputes as the intake's refunds and chargebacks of the sale their charge paid for.
 * Stripe's amounts include tax and Tandem's sale does not: each is scaled to the sale's net
 * (amount × sale ÷ what was charged, half-up) and never takes back more than is left of the sale.
 */
@Component
class TakeBacks {

    private final IntakeDoor intake;
    private final SaleMapRepository sales;
    private final Referrals referrals;

    TakeBacks(IntakeDoor intake, SaleMapRepository sales, Referrals referrals) {
        this.intake = intake;
        this.sales = sales;
        this.referrals = referrals;
    }

    /** {@code charge.refunded}: one refund per refund of the charge not recorded yet. */
    Handled refunded(WorkspaceId workspace, StripeEvent event) {
        JsonNode charge = event.object();
        String chargeId = text(charge, "id");
        Sale sale = sale(workspace, "charge " + chargeId, present(chargeId, id(charge, "payment_intent"),
                id(charge, "invoice")));
        long charged = first(number(charge, "amount"), sale.paid());
        List<EventId> recorded = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (StripeJson.at(charge, "refunds").isMissingNode() || StripeJson.at(charge, "refunds").isNull()) {
            // API versions from 2022-11-15 leave the refunds out: what was refunded in all is all there is
            long refunded = first(number(charge, "amount_refunded"), 0L);
            String refundId = chargeId + ":refunded:" + refunded;
            long taken = sale.state().sale().amount().amount() - sale.state().left();
            take(workspace, event, sale, refundId, "refund", scale(refunded, sale, charged) - taken, recorded, notes);
        } else {
            list(charge, "refunds").filter(r -> !"failed".equals(text(r, "status")) && !"canceled".equals(text(r, "status")))
                    .forEach(r -> take(workspace, event, sale, text(r, "id"), "refund",
                            scale(first(number(r, "amount"), 0L), sale, charged), recorded, notes));
        }
        return recorded.isEmpty() ? Handled.ignored(String.join("; ", notes))
                : Handled.recorded(recorded, String.join("; ", notes));
    }

    /** {@code charge.dispute.created}: a chargeback of the disputed amount. */
    Handled disputed(WorkspaceId workspace, StripeEvent event) {
        JsonNode dispute = event.object();
        String disputeId = text(dispute, "id");
        String chargeId = id(dispute, "charge");
        Sale sale = sale(workspace, "charge " + chargeId, present(chargeId, id(dispute, "payment_intent")));
        List<EventId> recorded = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        take(workspace, event, sale, disputeId, "chargeback", scale(first(number(dispute, "amount"), 0L), sale,
                sale.paid()), recorded, notes);
        return recorded.isEmpty() ? Handled.ignored(String.join("; ", notes))
                : Handled.recorded(recorded, String.join("; ", notes));
    }

    /** The Tandem sale a charge paid for, with what was taken back from it so far. */
    private record Sale(String externalId, long paid, Referrals.SaleRefunds state) {
    }

    private Sale sale(WorkspaceId workspace, String what, List<String> stripeIds) {
        SaleMapRepository.MappedSale mapped = sales.find(workspace, stripeIds).orElseThrow(() -> new Unmappable(
                what + " (" + String.join(", ", stripeIds) + ") paid for no sale Tandem knows: was it paid before"
                        + " Stripe was connected, or was its checkout or invoice not sent to Tandem?"));
        Referrals.SaleRefunds state = referrals.sale(workspace, mapped.saleExternalId()).orElseThrow(() ->
                new Unmappable(what + " paid for " + mapped.saleExternalId() + ", which is not a sale in Tandem"));
        return new Sale(mapped.saleExternalId(), mapped.paidAmount(), state);
    }

    /** Records the refund or chargeback unless it was recorded before or nothing is left of the sale. */
    private void take(WorkspaceId workspace, StripeEvent event, Sale sale, String id, String type, long amount,
            List<EventId> recorded, List<String> notes) {
        // read again only once this delivery took something back: until then the sale's state is as just read
        Referrals.SaleRefunds state = recorded.isEmpty() ? sale.state()
                : referrals.sale(workspace, sale.externalId()).orElseThrow();
        if (id == null || state.hasRefund(id)) {
            notes.add(type + " " + id + " was recorded before");
            return;
        }
        long capped = Math.min(amount, state.left());
        if (capped <= 0) {
            notes.add(type + " " + id + ": nothing " + (amount <= 0 ? "to take back" : "left of sale " + sale.externalId()));
            return;
        }
        EventInput input = new EventInput(id, type, event.created(), null, null, null, null, null, capped,
                state.sale().amount().currency().getCurrencyCode(), sale.externalId(), Map.of("stripe", id));
        recorded.add(intake.record(workspace, input));
        notes.add(type + " " + id + " of " + capped + " " + input.currency() + " from sale " + sale.externalId());
    }

    /** Stripe's amount (tax included) as its share of the sale's net: amount × sale ÷ charged, half-up. */
    private static long scale(long amount, Sale sale, long charged) {
        long net = sale.state().sale().amount().amount();
        if (charged <= 0) {
            return Math.min(amount, net);
        }
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(net))
                .divide(BigDecimal.valueOf(charged), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
