package dev.tandem.payout.rails;

import java.util.List;
import java.util.Map;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Money;
import dev.tandem.payout.rails.StripeTransfers.Failed;
import dev.tandem.payout.rails.StripeTransfers.Outcome;
import dev.tandem.payout.rails.StripeTransfers.Paid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Transfers go through the real stripe-java client to a stub on loopback that answers as Stripe's API does
 * (the answers are in {@code payout-rails/*.json}), so what is asserted is what would go over the wire.
 */
class StripeTransfersTest {

    private static final String KEY = "sk_test_51Stub";
    private static final Money AMOUNT = Money.of(5_049, "EUR");

    private StripeStub stripe;
    private List<StripeStub.Request> received;
    private StripeTransfers rail;

    @BeforeEach
    void startStub() {
        stripe = StripeStub.start(request -> switch (request.destination()) {
            case "acct_1Broke" -> StripeStub.refusal(400, "balance-insufficient.json");
            case "acct_1Closed" -> StripeStub.refusal(400, "account-invalid.json");
            case "acct_1Gone" -> StripeStub.refusal(400, "no-such-destination.json");
            case "acct_1Boom" -> StripeStub.refusal(500, "api-error.json");
            case "acct_1Busy" -> StripeStub.refusal(429, "rate-limit.json");
            default -> null;
        });
        received = stripe.received();
        rail = new StripeTransfers(stripe.baseUrl());
    }

    @AfterEach
    void stopStub() {
        stripe.close();
    }

    @Test
    void aTransferSendsTheAmountInMinorUnitsToTheConnectedAccountUnderTheIdempotencyKey() {
        Outcome outcome = rail.transfer(KEY, "acct_1Partner", AMOUNT, "pay_3x9kq", "Tandem payout November 2026",
                Map.of("payout_id", "pay_3x9kq"));

        assertThat(outcome).isEqualTo(new Paid("tr_stub_1"));
        assertThat(received).hasSize(1);
        StripeStub.Request request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/transfers");
        assertThat(request.idempotencyKey()).isEqualTo("pay_3x9kq");
        assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(request.form()).containsExactlyInAnyOrderEntriesOf(Map.of("amount", "5049", "currency", "eur",
                "destination", "acct_1Partner", "description", "Tandem payout November 2026",
                "metadata[payout_id]", "pay_3x9kq"));
    }

    @Test
    void aRetryWithTheSameKeySendsTheSameKeyAndGetsTheSameTransfer() {
        Outcome first = rail.transfer(KEY, "acct_1Partner", AMOUNT, "pay_3x9kq", null, Map.of());
        Outcome again = rail.transfer(KEY, "acct_1Partner", AMOUNT, "pay_3x9kq", null, Map.of());
        Outcome other = rail.transfer(KEY, "acct_1Partner", AMOUNT, "pay_7b2mm", null, Map.of());

        assertThat(received).extracting(StripeStub.Request::idempotencyKey).containsExactly("pay_3x9kq", "pay_3x9kq", "pay_7b2mm");
        assertThat(again).isEqualTo(first).isEqualTo(new Paid("tr_stub_1"));
        assertThat(other).isEqualTo(new Paid("tr_stub_2"));
    }

    @Test
    void aZeroDecimalCurrencyGoesInItsOwnUnitsAndNothingUnaskedIsSent() {
        rail.transfer(KEY, "acct_1Partner", Money.of(1_000, "JPY"), "pay_a", null, null);

        assertThat(received.get(0).form()).containsEntry("amount", "1000").containsEntry("currency", "jpy")
                .doesNotContainKeys("transfer_group", "description");
    }

    @Test
    void tooLittleBalanceIsAFailureToFixNotToRetry() {
        Outcome outcome = rail.transfer(KEY, "acct_1Broke", AMOUNT, "pay_1", null, Map.of());

        assertThat(outcome).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo("balance_insufficient");
            assertThat(failed.message()).startsWith("You have insufficient available funds");
            assertThat(failed.retryable()).isFalse();
        });
    }

    @Test
    void anAccountThatCannotReceiveTransfersIsAFailureNotToRetry() {
        assertThat(rail.transfer(KEY, "acct_1Closed", AMOUNT, "pay_1", null, Map.of()))
                .isEqualTo(new Failed("account_invalid",
                        "The destination account acct_1Closed has been closed and cannot receive transfers.", false));
        assertThat(rail.transfer(KEY, "acct_1Gone", AMOUNT, "pay_2", null, Map.of()))
                .isEqualTo(new Failed("resource_missing", "No such destination: 'acct_1Gone'", false));
    }

    @Test
    void stripesOwnTroubleAndRateLimitsAreFailuresToRetry() {
        assertThat(rail.transfer(KEY, "acct_1Boom", AMOUNT, "pay_1", null, Map.of()))
                .isEqualTo(new Failed("api_error", "An unknown error occurred", true));
        assertThat(rail.transfer(KEY, "acct_1Busy", AMOUNT, "pay_2", null, Map.of()))
                .isInstanceOfSatisfying(Failed.class, failed -> {
                    assertThat(failed.code()).isEqualTo("rate_limit");
                    assertThat(failed.retryable()).isTrue();
                });
        assertThat(received).as("no silent retries: the caller decides, with the same key").hasSize(2);
    }

    @Test
    void stripeOutOfReachIsAFailureToRetry() {
        stripe.close();

        Outcome outcome = rail.transfer(KEY, "acct_1Partner", AMOUNT, "pay_1", null, Map.of());

        assertThat(outcome).isInstanceOfSatisfying(Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo("api_connection_error");
            assertThat(failed.retryable()).isTrue();
        });
    }

    @Test
    void argumentsNoCallCouldSucceedWithAreRefusedBeforeCallingStripe() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () ->
                rail.transfer(" ", "ba_123", Money.of(0, "EUR"), "", null, Map.of()));

        assertThat(refused.problems()).extracting(FieldProblem::field)
                .containsExactly("secretKey", "destinationAccount", "amount", "idempotencyKey");
        assertThat(received).isEmpty();
    }
}
