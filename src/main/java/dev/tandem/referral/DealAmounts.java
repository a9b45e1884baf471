package dev.tandem.referral;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Money;

/**
 * Reads an expected deal value as partners type it: {@code 12,500.00}, {@code 12.500,00},
 * {@code 12 500}, {@code 12500}. Partners write in five languages, so either comma or dot may be the
 * decimal mark: when both appear the last one is; when only one appears once and three digits
 * follow, it groups thousands (unless the currency itself has three decimals).
 */
final class DealAmounts {

    private static final Pattern GROUPING = Pattern.compile("[\\s\\u00A0\\u202F'’]");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:,\\d{3})*");
    private static final int MAX_DIGITS = 15;

    private DealAmounts() {
    }

    /** The currency by its ISO code, or {@code fallback} when none was given. */
    static Currency currency(String code, Currency fallback) {
        String trimmed = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (trimmed.isEmpty()) {
            return fallback;
        }
        return Money.currency(trimmed).orElseThrow(() -> InvalidInputException.of("currency", "deal.error.currency",
                "must be an ISO 4217 currency code like EUR"));
    }

    /** The amount in {@code currency}, or null when nothing was typed. */
    static Money parse(String typed, Currency currency) {
        String text = typed == null ? "" : GROUPING.matcher(typed.trim()).replaceAll("");
        if (text.isEmpty()) {
            return null;
        }
        String normalised = normalise(text, currency.getDefaultFractionDigits());
        if (normalised == null || normalised.replace(".", "").length() > MAX_DIGITS) {
            throw invalid();
        }
        try {
            return Money.ofMajor(new BigDecimal(normalised), currency);
        } catch (IllegalArgumentException | ArithmeticException tooPrecise) {
            throw InvalidInputException.of("expectedValue", "deal.error.amountDecimals",
                    "has more decimals than " + currency.getCurrencyCode() + " allows");
        }
    }

    /** The amount with a dot as decimal mark and no grouping, or null when it cannot be read. */
    private static String normalise(String text, int fractionDigits) {
        if (!text.matches("[0-9.,]+") || !Character.isDigit(text.charAt(0))) {
            return null;
        }
        int lastComma = text.lastIndexOf(',');
        int lastDot = text.lastIndexOf('.');
        String integer;
        String fraction;
        if (lastComma >= 0 && lastDot >= 0) {
            int mark = Math.max(lastComma, lastDot);
            integer = text.substring(0, mark).replace(text.charAt(mark) == ',' ? '.' : ',', ',');
            fraction = text.substring(mark + 1);
        } else if (lastComma < 0 && lastDot < 0) {
            return text;
        } else {
            char separator = lastComma >= 0 ? ',' : '.';
            int mark = Math.max(lastComma, lastDot);
            boolean once = text.indexOf(separator) == mark;
            String after = text.substring(mark + 1);
            if (once && !(after.length() == 3 && fractionDigits != 3)) {
                integer = text.substring(0, mark);
                fraction = after;
            } else {
                integer = text.replace(separator, ',');
                fraction = "";
            }
        }
        if (!GROUPED.matcher(integer).matches() && !integer.matches("\\d+")) {
            return null;
        }
        if (!fraction.matches("\\d*")) {
            return null;
        }
        String digits = integer.replace(",", "");
        return fraction.isEmpty() ? digits : digits + "." + fraction;
    }

    private static InvalidInputException invalid() {
        return InvalidInputException.of("expectedValue", "deal.error.amount",
                "must be an amount like 12,500.00 (digits, with an optional decimal mark)");
    }
}
