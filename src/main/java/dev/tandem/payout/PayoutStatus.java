package dev.tandem.payout;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a payout stands: a draft waits for a manager's approval (when the program asks for it),
 * approved waits to be sent, processing is on its way through the rail, then paid or failed;
 * canceled before it was sent. Paid, failed and canceled are final: a failed payout's commissions
 * are payable again and go into the next run.
 */
public enum PayoutStatus {
    DRAFT, APPROVED, PROCESSING, PAID, FAILED, CANCELED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PayoutStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code().equals(code)).findFirst();
    }

    public boolean canBecome(PayoutStatus to) {
        return switch (this) {
            case DRAFT -> Set.of(APPROVED, CANCELED).contains(to);
            case APPROVED -> Set.of(PROCESSING, CANCELED).contains(to);
            case PROCESSING -> Set.of(PAID, FAILED).contains(to);
            case PAID, FAILED, CANCELED -> false;
        };
    }

    public boolean isFinal() {
        return this == PAID || this == FAILED || this == CANCELED;
    }
}
