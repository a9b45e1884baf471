package dev.tandem.payout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tandem.commission.CommissionTestBase;
import dev.tandem.payout.rails.StripeStub;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payouts through Stripe Connect over the wire: the app's own sender talks to a stub on loopback that
 * answers as Stripe does, per connected account. A transfer that goes through is paid with Stripe's
 * transfer id as reference; one Stripe refuses fails with Stripe's code and gives the balance back; one
 * Stripe could not answer stays processing and is sent again later under the same idempotency key, so
 * the partner is paid once.
 */
class PayoutStripeTest extends CommissionTestBase {

    static final String OK = "acct_1OkPartner01";
    static final String BROKE = "acct_1BrokeBiz001";
    static final String CLOSED = "acct_1ClosedAcc01";
    static final String FLAKY = "acct_1FlakyNet001";

    static final AtomicInteger FLAKY_CALLS = new AtomicInteger();
    static final StripeStub STRIPE = StripeStub.start(request -> switch (request.destination()) {
        case BROKE -> StripeStub.refusal(400, "balance-insufficient.json");
        case CLOSED -> StripeStub.refusal(400, "account-invalid.json");
        case FLAKY -> FLAKY_CALLS.incrementAndGet() == 1 ? StripeStub.refusal(500, "api-error.json") : null;
        default -> null;
    });
    static final List<StripeStub.Request> RECEIVED = STRIPE.received();

    @DynamicPropertySource
    static void stripeApi(DynamicPropertyRegistry registry) {
        registry.add("tandem.payout.stripe-api-base", STRIPE::baseUrl);
    }

    @AfterAll
    static void stopStub() {
        STRIPE.close();
    }

    @Test
    void stripeTransfersArePaidFailedOrRetriedAsStripeAnswersAndNeverPaidTwice() {
        start("Stripe payouts");
        ProgramFixtures.Member ok = stripePartner("Ola Ok", OK);
        ProgramFixtures.Member broke = stripePartner("Bea Broke", BROKE);
        ProgramFixtures.Member closed = stripePartner("Cid Closed", CLOSED);
        ProgramFixtures.Member flaky = stripePartner("Fay Flaky", FLAKY);
        ok(api.put("/api/v1/workspace/payout-account/stripe-key", "{\"stripeKey\": \"sk_test_51StubKey0123456789\"}"));
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        sale(ok, "cus_ok", 100_000, days(1));
        sale(broke, "cus_broke", 80_000, days(1));
        sale(closed, "cus_closed", 60_000, days(1));
        sale(flaky, "cus_flaky", 40_000, days(1));
        later(Duration.ofDays(16));
        JsonNode run = run(setup.program());
        assertThat(run.get("payouts")).hasSize(4);
        assertThat(run.get("held")).isEmpty();
        String runId = run.get("id").asString();
        ok(api.post("/api/v1/payout-runs/" + runId + "/approve", "{}"));

        JsonNode sent = ok(api.post("/api/v1/payout-runs/" + runId + "/send", "{}"));

        assertThat(sent.get("paid")).singleElement().satisfies(p -> {
            assertThat(p.get("partnerId").asString()).isEqualTo(ok.partner().id().toString());
            assertThat(p.get("status").asString()).isEqualTo("paid");
            assertThat(p.get("reference").asString()).isEqualTo(STRIPE.transferFor(keyOf(OK))).startsWith("tr_");
        });
        assertThat(sent.get("failed").valueStream().map(p -> p.get("partnerId").asString()))
                .containsExactly(closed.partner().id().toString());
        assertThat(failureOf(sent, closed)).contains("account_invalid");
        assertThat(sent.get("retry").valueStream().map(p -> p.get("partnerId").asString()))
                .as("Stripe did not answer, or the business's Stripe balance is short: both wait to be sent again")
                .containsExactlyInAnyOrder(flaky.partner().id().toString(), broke.partner().id().toString());
        String flakyPayout = payoutTo(run, flaky).get("id").asString();
        assertThat(ok(api.get("/api/v1/payouts/" + flakyPayout)).get("status").asString())
                .as("Stripe did not answer: on its way still").isEqualTo("processing");
        assertThat(balance(broke, "EUR")).as("the business's balance is short: not the partner's failure")
                .containsExactly(0, 0, 0);
        assertThat(balance(closed, "EUR")).containsExactly(0, 6_000, 0);
        assertThat(balance(ok, "EUR")).containsExactly(0, 0, 10_000);
        assertThat(balance(flaky, "EUR")).as("in transit: neither payable nor paid").containsExactly(0, 0, 0);

        // the partner changes accounts before the retry: the retry still goes where the first attempt went
        payoutMethod(flaky, "{\"type\": \"stripe\", \"accountId\": \"acct_1ChangedMind00\"}");
        JsonNode again = ok(api.post("/api/v1/payout-runs/" + runId + "/send", "{}"));

        assertThat(again.get("paid")).singleElement().satisfies(p -> {
            assertThat(p.get("id").asString()).isEqualTo(flakyPayout);
            assertThat(p.get("reference").asString()).startsWith("tr_");
        });
        assertThat(again.get("failed")).isEmpty();
        assertThat(again.get("retry").valueStream().map(p -> p.get("partnerId").asString()))
                .containsExactly(broke.partner().id().toString());
        assertThat(balance(flaky, "EUR")).containsExactly(0, 0, 4_000);
        List<String> flakyKeys = RECEIVED.stream().filter(r -> r.destination().equals(FLAKY))
                .map(StripeStub.Request::idempotencyKey).toList();
        assertThat(flakyKeys).as("the retry is the same request to Stripe").hasSize(2)
                .containsOnly("tandem-" + flakyPayout);
        assertThat(flakyKeys.get(0)).startsWith("tandem-pay_");
        assertThat(RECEIVED.stream().filter(r -> r.destination().equals(OK))).as("a paid payout is not sent again")
                .hasSize(1);
        assertThat(RECEIVED).allSatisfy(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer sk_test_51StubKey0123456789");
            assertThat(r.form()).containsEntry("currency", "eur");
        });
        assertThat(RECEIVED.stream().filter(r -> r.destination().equals(BROKE)).findFirst().orElseThrow().form())
                .containsEntry("amount", "8000");
        assertBooksBalance();
    }

    private ProgramFixtures.Member stripePartner(String name, String account) {
        ProgramFixtures.Member m = programs.approvedPartner(setup, name);
        payoutMethod(m, "{\"type\": \"stripe\", \"accountId\": \"" + account + "\"}");
        return m;
    }

    private static String failureOf(JsonNode sent, ProgramFixtures.Member partner) {
        return sent.get("failed").valueStream()
                .filter(p -> p.get("partnerId").asString().equals(partner.partner().id().toString()))
                .map(p -> {
                    assertThat(p.get("status").asString()).isEqualTo("failed");
                    return p.get("failureReason").asString();
                }).findFirst().orElseThrow();
    }

    private static String keyOf(String destination) {
        return RECEIVED.stream().filter(r -> r.destination().equals(destination)).findFirst().orElseThrow()
                .idempotencyKey();
    }
}
