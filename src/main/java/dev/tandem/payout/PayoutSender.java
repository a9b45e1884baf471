package dev.tandem.payout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tandem.partner.PayoutDetails;
import dev.tandem.partner.PayoutDetailsInput;
import dev.tandem.payout.rails.StripeTransfers;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Sends a run's approved payouts. Each is first marked processing (its amount moves to in
 * transit, committed), then paid by its rail: Stripe Connect transfers at once, with the payout id
 * as idempotency key, so sending again after a crash or a timeout never pays twice; file rails
 * (SEPA, PayPal, manual) wait in processing until someone records the bank's answer.
 * A rail failure fails that payout only; the rest of the run goes on.
 */
@Service
public class PayoutSender {

    private static final Logger log = LoggerFactory.getLogger(PayoutSender.class);

    private final PayoutRuns runs;
    private final PayoutSettings settings;
    private final PayoutDetails details;
    private final StripeTransfers stripe;

    PayoutSender(PayoutRuns runs, PayoutSettings settings, PayoutDetails details,
            @Value("${tandem.payout.stripe-api-base}") String stripeApiBase) {
        this.runs = runs;
        this.settings = settings;
        this.details = details;
        this.stripe = new StripeTransfers(stripeApiBase);
    }

    /** What sending did: payouts now on their way, paid, failed, and ones to try again later (Stripe unreachable). */
    public record Sent(List<Payout> processing, List<Payout> paid, List<Payout> failed, List<Payout> retry,
            List<PayoutConflict> skipped) {
    }

    // refusals that are the business's to fix (its Stripe balance, its key): the payout waits, in
    // transit, to be sent again, rather than failing the partner
    private static final java.util.Set<String> BUSINESS_SIDE = java.util.Set.of("balance_insufficient",
            "insufficient_funds", "no_stripe_key", "api_key_expired", "platform_api_key_expired");

    /**
     * Sends every approved payout of the run, and pays again through Stripe the ones still processing
     * (a retry after an unanswered call).
     */
    public Sent send(WorkspaceId workspace, Actor by, PayoutRunId run) {
        List<PayoutConflict> skipped = new ArrayList<>();
        for (Payout approved : runs.get(workspace, run).payouts()) {
            if (approved.status() != PayoutStatus.APPROVED) {
                continue;
            }
            try {
                runs.markSent(workspace, by, approved.id());
            } catch (PayoutConflict e) {
                skipped.add(e); // this payout only (a SEPA one still in another currency); the rest goes on
            }
        }
        List<Payout> processing = new ArrayList<>();
        List<Payout> paid = new ArrayList<>();
        List<Payout> failed = new ArrayList<>();
        List<Payout> retry = new ArrayList<>();
        Optional<String> key = null; // read and decrypted once, and only when a Stripe payout is sent
        for (Payout p : runs.inStatus(workspace, run, PayoutStatus.PROCESSING)) {
            PayoutId id = p.id();
            if (!p.method().paysByApi()) {
                processing.add(p);
                continue;
            }
            if (key == null) {
                key = settings.stripeKey(workspace);
            }
            StripeTransfers.Outcome outcome = transfer(workspace, p, key.orElse(null));
            if (outcome instanceof StripeTransfers.Paid done) {
                paid.add(runs.markPaid(workspace, by, id, done.transferId()));
            } else if (outcome instanceof StripeTransfers.Failed f && (f.retryable() || BUSINESS_SIDE.contains(f.code()))) {
                log.warn("Stripe transfer for payout {} not answered ({}); it stays processing and is sent again"
                        + " with the same idempotency key", id, f.message());
                retry.add(p);
            } else if (outcome instanceof StripeTransfers.Failed f) {
                failed.add(runs.markFailed(workspace, by, id, "Stripe refused the transfer: " + f.code()
                        + (f.message() == null || f.message().isBlank() ? "" : " (" + f.message() + ")")));
            }
        }
        return new Sent(processing, paid, failed, retry, skipped);
    }

    private StripeTransfers.Outcome transfer(WorkspaceId workspace, Payout p, String key) {
        if (key == null) {
            return new StripeTransfers.Failed("no_stripe_key", "the business has not set its Stripe key", false);
        }
        String account = runs.stripeAccount(workspace, p.id());
        if (account.isEmpty()) {
            return new StripeTransfers.Failed("no_stripe_account", "the payout has no Stripe account to pay", false);
        }
        return stripe.transfer(key, account, p.sent(), "tandem-" + p.id(), "Payout " + p.id(),
                Map.of("payout_id", p.id().toString(), "partner_id", p.partnerId().toString()));
    }
}
