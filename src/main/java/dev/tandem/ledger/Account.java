package dev.tandem.ledger;

import java.util.Locale;

/**
 * The ledger's accounts. A partner's money is earned ({@link #PARTNER_PENDING}, inside the hold
 * period or held for review), payable ({@link #PARTNER_PAYABLE}) or paid ({@link #PARTNER_PAID});
 * it comes from the business's {@link #COMMISSION_EXPENSE}, which a reversal gives back to.
 */
public enum Account {
    PARTNER_PENDING, PARTNER_PAYABLE, PARTNER_IN_TRANSIT, PARTNER_PAID, COMMISSION_EXPENSE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Account fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
