package dev.tandem.integration;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.tracking.Codes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tandem.program.CommissionPlans;
import dev.tandem.program.PlanInput;
import dev.tandem.testing.ProgramFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe's deliveries, from signature to the intake's events: what each becomes, and what is refused. */
class StripeWebhookTest extends StripeTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    CommissionPlans plans;


    private static final List<String> TABLES = List.of("stripe_event", "stripe_sale", "conversion_event", "customer",
            "referral", "touchpoint");

    @Autowired
    Codes codes;

    @Test
    void aCheckoutCarryingAClickIdIsALeadOfThePartnerWhoseLinkWasClicked() {
        Shop shop = shop("Checkout");
        Map<String, Object> event = event("checkout.session.completed", subscriptionCheckout("cus_lead1", click(shop)));

        Answer answer = deliver(shop, event);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"received\":true}");
        assertThat(jdbc.sql("select partner_id = ? and link_id = ? and source = 'stripe' and type = 'lead'"
                        + " from conversion_event where workspace_id = ?")
                .params(shop.partner().partner().id().value(), shop.link().value(), shop.workspace().value())
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select status from referral where workspace_id = ? and partner_id = ?")
                .params(shop.workspace().value(), shop.partner().partner().id().value()).query(String.class).single())
                .isEqualTo("lead");
        assertThat(outcome(shop, event)).startsWith("recorded");
    }

    @Test
    void theFirstInvoiceIsASaleAndTheNextOneARecurringSaleOfTheSamePartnerWithoutTax() {
        Shop shop = shop("Invoices");
        delivered(shop, event("checkout.session.completed", subscriptionCheckout("cus_sub1", click(shop))));

        delivered(shop, event("invoice.paid", paidInvoice("in_first1", "cus_sub1", "pi_first1", "subscription_create")));
        delivered(shop, event("invoice.paid", paidInvoice("in_second1", "cus_sub1", "pi_second1", "subscription_cycle")));

        assertThat(events(shop)).element(1).isEqualTo("sale 2000 false in_first1");
        assertThat(events(shop)).element(2).isEqualTo("sale 2000 true in_second1");
        assertThat(jdbc.sql("select count(*) from conversion_event where workspace_id = ? and partner_id = ?"
                        + " and currency = 'EUR'")
                .params(shop.workspace().value(), shop.partner().partner().id().value()).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void anInvoiceOfNothingIsNoSale() {
        Shop shop = shop("Trial");
        Map<String, Object> invoice = paidInvoice("in_trial1", "cus_trial", null, "subscription_create");
        invoice.putAll(Map.of("total", 0, "total_excluding_tax", 0, "amount_paid", 0, "subtotal", 0));
        Map<String, Object> event = event("invoice.paid", invoice);

        delivered(shop, event);

        assertThat(events(shop)).isEmpty();
        assertThat(outcome(shop, event)).startsWith("ignored: invoice in_trial1 is for nothing");
    }

    @Test
    void aPartialThenAFullRefundTakeBackTheSaleWithoutItsTax() {
        Shop shop = shop("Refunds");
        delivered(shop, event("checkout.session.completed", paidCheckout("cus_pay1", "pi_pay1", click(shop), List.of())));

        delivered(shop, event("charge.refunded", refundedCharge("ch_pay1", "pi_pay1", 12100, 3025,
                List.<Object[]>of(new Object[] {"re_part1", 3025}))));
        delivered(shop, event("charge.refunded", refundedCharge("ch_pay1", "pi_pay1", 12100, 12100,
                List.of(new Object[] {"re_part1", 3025}, new Object[] {"re_rest1", 9075}))));

        assertThat(events(shop)).hasSize(3);
        assertThat(events(shop).get(0)).startsWith("sale 10000 false cs_test_");
        assertThat(events(shop).subList(1, 3)).containsExactly("refund 2500 false re_part1", "refund 7500 false re_rest1");
        assertThat(jdbc.sql("select count(*) from conversion_event r join conversion_event s on s.workspace_id ="
                        + " r.workspace_id and s.id = r.refund_of where r.workspace_id = ? and r.partner_id = ?")
                .params(shop.workspace().value(), shop.partner().partner().id().value()).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aChargeWithoutItsRefundListIsRefundedByWhatStripeRefundedInAll() {
        Shop shop = shop("Refunded total");
        delivered(shop, event("invoice.paid", paidInvoice("in_total1", "cus_total", "pi_total1", "subscription_create")));

        delivered(shop, event("charge.refunded", refundedCharge("ch_total1", "pi_total1", 2420, 1210, null)));
        delivered(shop, event("charge.refunded", refundedCharge("ch_total1", "pi_total1", 2420, 2420, null)));

        assertThat(events(shop)).containsExactly("sale 2000 false in_total1",
                "refund 1000 false ch_total1:refunded:1210", "refund 1000 false ch_total1:refunded:2420");
    }

    @Test
    void aDisputeIsAChargebackOfTheSaleItsChargePaidFor() {
        Shop shop = shop("Disputes");
        delivered(shop, event("checkout.session.completed", subscriptionCheckout("cus_dis1", click(shop))));
        delivered(shop, event("invoice.paid", paidInvoice("in_dis1", "cus_dis1", "pi_dis1", "subscription_create")));

        delivered(shop, event("charge.dispute.created", dispute("ch_dis1", "pi_dis1", 2420)));

        assertThat(events(shop)).last().asString().startsWith("chargeback 2000 false dp_");
        assertThat(jdbc.sql("select partner_id = ? from conversion_event where workspace_id = ? and type = 'chargeback'")
                .params(shop.partner().partner().id().value(), shop.workspace().value()).query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void aPromotionCodeMappedToACouponCreditsTheCouponsPartner() {
        Shop shop = shop("Promotions");
        String coupon = "SPRING" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        codes.addCoupon(shop.workspace(), MANAGER, new Codes.NewCoupon(shop.setup().program().id(),
                shop.partner().partner().id(), coupon, "10% off"));
        settings.mapPromotionCode(shop.workspace(), MANAGER, "promo_1SpringAna", coupon.toLowerCase());

        delivered(shop, event("checkout.session.completed", paidCheckout("cus_promo1", "pi_promo1", null,
                List.of(map("coupon", "Z4OV52SU", "promotion_code", "promo_1SpringAna")))));

        assertThat(jdbc.sql("select partner_id = ? and code = ? from conversion_event where workspace_id = ? and type = 'sale'")
                .params(shop.partner().partner().id().value(), coupon, shop.workspace().value())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aWrongSignatureIsRefusedWith400AndNothingIsStored() {
        Shop shop = shop("Forgery");
        Map<String, Long> before = counts(shop);
        String payload = JSON.writeValueAsString(event("invoice.paid", paidInvoice("in_forged", "cus_x", "pi_x", "manual")));

        Answer wrongSecret = post(shop.endpointKey(), payload,
                signature("whsec_" + "f".repeat(32), payload, clock.instant().getEpochSecond()));
        Answer tampered = post(shop.endpointKey(), payload.replace("2420", "9999"),
                signature(shop.secret(), payload, clock.instant().getEpochSecond()));
        Answer unsigned = post(shop.endpointKey(), payload, null);

        for (Answer answer : List.of(wrongSecret, tampered, unsigned)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(counts(shop)).isEqualTo(before);
    }

    @Test
    void aSignatureOlderThanFiveMinutesIsAReplayAndRefused() {
        Shop shop = shop("Replay");
        String payload = JSON.writeValueAsString(event("invoice.paid", paidInvoice("in_stale", "cus_s", "pi_s", "manual")));

        Answer stale = post(shop.endpointKey(), payload,
                signature(shop.secret(), payload, clock.instant().minusSeconds(6 * 60).getEpochSecond()));

        assertThat(stale.status()).as(stale.body()).isEqualTo(400);
        assertThat(count("stripe_event", shop)).isZero();
        assertThat(count("conversion_event", shop)).isZero();
    }

    @Test
    void theSameEventDeliveredThreeTimesIsRecordedOnce() {
        Shop shop = shop("Retries");
        String payload = JSON.writeValueAsString(event("invoice.paid", paidInvoice("in_thrice", "cus_t", "pi_t", "manual")));

        for (int i = 0; i < 3; i++) {
            Answer answer = deliver(shop, payload);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"received\":true}");
        }

        assertThat(count("conversion_event", shop)).isEqualTo(1);
        assertThat(count("stripe_event", shop)).isEqualTo(1);
    }

    @Test
    void aPaidInvoiceDeliveredThreeTimesEarnsOneCommission() {
        Shop shop = shop("Retries pay once");
        plans.publish(shop.workspace(), ProgramFixtures.MANAGER, shop.setup().program().id(), new PlanInput(null,
                Instant.parse("2020-01-01T00:00:00Z"), 30, null, List.of(new PlanInput.RuleInput("sale", new PlanInput.RewardInput("percentage", null, null,
                        "10", null), null, null, null, null)), null, null));
        delivered(shop, event("checkout.session.completed", subscriptionCheckout("cus_thrice", click(shop))));
        String payload = JSON.writeValueAsString(event("invoice.paid",
                paidInvoice("in_thrice_paid", "cus_thrice", "pi_thrice", "subscription_create")));

        for (int i = 0; i < 3; i++) {
            assertThat(deliver(shop, payload).status()).isEqualTo(200);
            // as if the node had died after the intake but before noting the Stripe event: the next delivery
            // is worked again, past the duplicate check, and only the intake's own idempotency keeps it once
            jdbc.sql("update stripe_event set outcome = 'failed' where workspace_id = ?")
                    .param(shop.workspace().value()).update();
        }

        assertThat(jdbc.sql("select amount from commission where workspace_id = ? and partner_id = ?")
                .params(shop.workspace().value(), shop.partner().partner().id().value()).query(Long.class).list())
                .as("10% of the invoice without tax, once").containsExactly(200L);
    }

    @Test
    void anUnknownEndpointKeyIs404AndAnEndpointWithoutSecretIs503() {
        Shop shop = shop("Unknown");
        String payload = JSON.writeValueAsString(event("invoice.paid", paidInvoice("in_u", "cus_u", "pi_u", "manual")));
        String signature = signature(shop.secret(), payload, clock.instant().getEpochSecond());
        String unconfigured = settings.account(programs.program("No secret").workspace()).endpointKey();

        assertThat(post("A".repeat(40), payload, signature).status()).isEqualTo(404);
        assertThat(post(unconfigured, payload, signature).status()).isEqualTo(503);
    }

    @Test
    void aRefundOfAChargeTandemNeverSawIsKeptAsFailedWithTheReason() {
        Shop shop = shop("Unknown charge");
        Map<String, Object> event = event("charge.refunded", refundedCharge("ch_never", "pi_never", 5000, 5000,
                List.<Object[]>of(new Object[] {"re_never", 5000})));

        delivered(shop, event);

        assertThat(outcome(shop, event)).startsWith("failed: charge ch_never (ch_never, pi_never) paid for no sale");
        assertThat(count("conversion_event", shop)).isZero();
    }

    @Test
    void otherEventTypesAreKeptAsIgnored() {
        Shop shop = shop("Ignored");
        Map<String, Object> event = event("customer.created", map("id", "cus_new", "object", "customer"));

        delivered(shop, event);

        assertThat(outcome(shop, event)).isEqualTo("ignored: Tandem does not use customer.created events");
    }

    private Map<String, Long> counts(Shop shop) {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, count(t, shop)));
        return counts;
    }
}
