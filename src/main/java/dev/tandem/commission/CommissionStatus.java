package dev.tandem.commission;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.tandem.ledger.Account;

/**
 * Where a commission stands. Pending until the hold period (the refund window) is over, then
 * approved (payable), then paid by a payout; held while someone looks into it; rejected with a
 * reason; reversed by a refund or chargeback before it was paid. Paid, rejected and reversed are final.
 */
public enum CommissionStatus {
    PENDING, HOLD, APPROVED, PAID, REJECTED, REVERSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CommissionStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code().equals(code)).findFirst();
    }

    public boolean canBecome(CommissionStatus to) {
        return switch (this) {
            case PENDING -> Set.of(HOLD, APPROVED, REJECTED, REVERSED).contains(to);
            case HOLD -> Set.of(PENDING, APPROVED, REJECTED, REVERSED).contains(to);
            case APPROVED -> Set.of(HOLD, PAID, REJECTED, REVERSED).contains(to);
            case PAID, REJECTED, REVERSED -> false;
        };
    }

    /** The ledger account a cash commission in this status sits in. */
    public Account account() {
        return switch (this) {
            case PENDING, HOLD -> Account.PARTNER_PENDING;
            case APPROVED -> Account.PARTNER_PAYABLE;
            case PAID -> Account.PARTNER_PAID;
            case REJECTED, REVERSED -> Account.COMMISSION_EXPENSE;
        };
    }

    public boolean isFinal() {
        return this == PAID || this == REJECTED || this == REVERSED;
    }
}
