package dev.tandem.partner;

/**
 * How a partner wants to be paid, as entered (clear values): a SEPA bank transfer, PayPal, a
 * Stripe connected account, or by hand. Stored only encrypted; {@link #toString()} never shows
 * the clear values, so they cannot leak into logs.
 */
public sealed interface PayoutDetailsInput {

    /** {@code sepa}, {@code paypal}, {@code stripe} or {@code manual}. */
    String method();

    /**
     * The input for a method named by its code ({@code sepa}, {@code paypal}, {@code stripe},
     * {@code manual}) from flat form or JSON fields; null for an unknown method, which
     * {@link PayoutDetails#save} reports on the field {@code type}.
     */
    static PayoutDetailsInput of(String type, String holderName, String iban, String bic, String email,
            String accountId) {
        String method = type == null ? "" : type.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (method) {
            case "sepa" -> new Sepa(holderName, iban, bic);
            case "paypal" -> new PayPal(email);
            case "stripe" -> new Stripe(accountId);
            case "manual" -> new Manual();
            default -> null;
        };
    }

    record Sepa(String holderName, String iban, String bic) implements PayoutDetailsInput {
        @Override
        public String method() {
            return "sepa";
        }

        @Override
        public String toString() {
            return "Sepa[" + PayoutDetailsRules.summary(this) + "]";
        }
    }

    record PayPal(String email) implements PayoutDetailsInput {
        @Override
        public String method() {
            return "paypal";
        }

        @Override
        public String toString() {
            return "PayPal[" + PayoutDetailsRules.summary(this) + "]";
        }
    }

    record Stripe(String accountId) implements PayoutDetailsInput {
        @Override
        public String method() {
            return "stripe";
        }

        @Override
        public String toString() {
            return "Stripe[" + PayoutDetailsRules.summary(this) + "]";
        }
    }

    record Manual() implements PayoutDetailsInput {
        @Override
        public String method() {
            return "manual";
        }
    }
}
