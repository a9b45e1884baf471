package dev.tandem.core;

import java.util.Currency;

/**
 * Thrown when two {@link Money} amounts in different currencies are combined; converting
 * silently would invent an exchange rate, so the caller has to decide.
 */
public class MixedCurrencyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    MixedCurrencyException(String operation, Currency left, Currency right) {
        super("cannot " + operation + " " + right.getCurrencyCode() + " " + preposition(operation) + " "
                + left.getCurrencyCode());
    }

    private static String preposition(String operation) {
        return "add".equals(operation) ? "to" : "from";
    }

}
