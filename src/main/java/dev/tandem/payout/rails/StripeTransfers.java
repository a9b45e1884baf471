package dev.tandem.payout.rails;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.TransferCreateParams;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Money;

/**
 * Pays a partner's connected Stripe account from the business's Stripe balance with a Connect transfer
 * ({@code POST /v1/transfers}), through the official stripe-java client. Whatever Stripe answers comes back
 * as an {@link Outcome}, never as an exception, so the payout run records it and moves on.
 *
 * <p>The client does not retry by itself: a {@link Failed#retryable() retryable} outcome tells the caller to
 * try again later with the same idempotency key, which Stripe answers with the same transfer rather than a
 * second one (Stripe keeps keys for at least 24 hours).
 */
public final class StripeTransfers {

    /** Stripe's own API host, used when no other is given. */

    private final String apiBase;

    /** @param apiBase where Stripe's API is: {@code https://api.stripe.com}, or a stub on loopback in tests */
    public StripeTransfers(String apiBase) {
        this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
    }

    /** What became of one transfer. */
    public sealed interface Outcome permits Paid, Failed {
    }

    /** Stripe made the transfer; {@code transferId} is its {@code tr_…} id. */
    public record Paid(String transferId) implements Outcome {
    }

    /**
     * Stripe did not make the transfer.
     *
     * @param code Stripe's error code where it gave one ({@code balance_insufficient}, {@code account_invalid},
     *        {@code resource_missing} for "No such destination", {@code rate_limit} …), else its error type
     *        ({@code api_error}) or {@code api_connection_error} when Stripe could not be reached
     * @param message Stripe's explanation, for the person reading the payout run
     * @param retryable true when the same request may well succeed later (network, Stripe's 5xx, rate limit,
     *        a conflicting concurrent request); false when something must change first (balance, account)
     */
    public record Failed(String code, String message, boolean retryable) implements Outcome {
    }

    /**
     * Transfers {@code amount} to the connected account.
     *
     * @param secretKey the business's Stripe secret key ({@code sk_…} or a restricted {@code rk_…})
     * @param destinationAccount the partner's connected account, {@code acct_…}
     * @param idempotencyKey the same for every attempt at the same payout (the payout id will do)
     * @param description shown in the Stripe dashboard; may be null
     * @param metadata e.g. {@code payout_id}; may be null
     * @throws InvalidInputException for arguments no call could succeed with (no key, not an account id,
     *         an amount that is not more than zero)
     */
    public Outcome transfer(String secretKey, String destinationAccount, Money amount, String idempotencyKey,
            String description, Map<String, String> metadata) {
        check(secretKey, destinationAccount, amount, idempotencyKey);
        StripeClient client = StripeClient.builder().setApiKey(secretKey).setApiBase(apiBase)
                .setMaxNetworkRetries(0).build();
        TransferCreateParams.Builder params = TransferCreateParams.builder()
                .setAmount(amount.amount())
                .setCurrency(amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                .setDestination(destinationAccount);
        if (description != null) {
            params.setDescription(description);
        }
        if (metadata != null && !metadata.isEmpty()) {
            params.putAllMetadata(metadata);
        }
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
        try {
            Transfer transfer = client.v1().transfers().create(params.build(), options);
            return new Paid(transfer.getId());
        } catch (StripeException e) {
            return failed(e);
        }
    }

    static Failed failed(StripeException e) {
        if (e instanceof ApiConnectionException) {
            return new Failed("api_connection_error", e.getMessage(), true);
        }
        String code = e.getCode();
        if (code == null && e.getStripeError() != null) {
            code = e.getStripeError().getType();
        }
        Integer status = e.getStatusCode();
        boolean retryable = status == null || status >= 500 || status == 429 || status == 409;
        String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage()
                : e.getMessage();
        return new Failed(code == null ? (retryable ? "api_error" : "invalid_request_error") : code, message,
                retryable);
    }

    private static void check(String secretKey, String destinationAccount, Money amount, String idempotencyKey) {
        List<FieldProblem> problems = new ArrayList<>();
        if (secretKey == null || secretKey.isBlank()) {
            problems.add(new FieldProblem("secretKey", "is required"));
        }
        if (destinationAccount == null || !destinationAccount.matches("acct_[A-Za-z0-9]+")) {
            problems.add(new FieldProblem("destinationAccount", "must be a connected account id, acct_…"));
        }
        if (amount == null || amount.amount() <= 0) {
            problems.add(new FieldProblem("amount", "must be more than zero"));
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            problems.add(new FieldProblem("idempotencyKey", "must be 1 to 255 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
