package dev.tandem.ledger;

import java.util.Currency;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;

/** What the business owes a partner in one currency, as the ledger says: earned, payable, and paid so far. */
public record Balance(PartnerId partnerId, Currency currency, Money pending, Money payable, Money paid) {

    static Balance zero(PartnerId partner, Currency currency) {
        return new Balance(partner, currency, Money.zero(currency), Money.zero(currency), Money.zero(currency));
    }

    Balance plus(Account account, Money amount) {
        return switch (account) {
            case PARTNER_PENDING -> new Balance(partnerId, currency, pending.plus(amount), payable, paid);
            case PARTNER_PAYABLE -> new Balance(partnerId, currency, pending, payable.plus(amount), paid);
            case PARTNER_PAID -> new Balance(partnerId, currency, pending, payable, paid.plus(amount));
            case COMMISSION_EXPENSE -> this;
        };
    }
}
