package dev.tandem.payout;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The rail a partner is paid through, as they chose it in their payout details. */
public enum PayoutMethod {
    SEPA, PAYPAL, STRIPE, MANUAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PayoutMethod> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code().equals(code)).findFirst();
    }

    /** Whether the rail pays by itself (an API call) rather than by a file the business hands to its bank or tool. */
    public boolean paysByApi() {
        return this == STRIPE;
    }
}
