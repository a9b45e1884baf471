package dev.tandem.commission;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a commission exists: earned by a rule; a reversal (a refund before payment, negative) or a
 * clawback (a refund after payment, negative, deducted from the next payout); a milestone bonus; a
 * manual adjustment.
 */
public enum CommissionKind {
    EARNED, REVERSAL, CLAWBACK, BONUS, ADJUSTMENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CommissionKind> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code().equals(code)).findFirst();
    }
}
