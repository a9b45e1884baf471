package dev.tandem.ledger;

import java.util.Currency;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;

/**
 * What the business owes a partner in one currency, as the ledger says: earned, payable, on its way
 * in a payout being sent, and paid so far.
 */
public record Balance(PartnerId partnerId, Currency currency, Money pending, Money payable, Money inTransit,
        Money paid) {

    static Balance zero(PartnerId partner, Currency currency) {
        return new Balance(partner, currency, Money.zero(currency), Money.zero(currency), Money.zero(currency),
                Money.zero(currency));
    }

    Balance plus(Account account, Money amount) {
        return switch (account) {
            case PARTNER_PENDING -> new Balance(partnerId, currency, pending.plus(amount), payable, inTransit, paid);
            case PARTNER_PAYABLE -> new Balance(partnerId, currency, pending, payable.plus(amount), inTransit, paid);
            case PARTNER_IN_TRANSIT -> new Balance(partnerId, currency, pending, payable, inTransit.plus(amount), paid);
            case PARTNER_PAID -> new Balance(partnerId, currency, pending, payable, inTransit, paid.plus(amount));
            case COMMISSION_EXPENSE -> this;
        };
    }
}
