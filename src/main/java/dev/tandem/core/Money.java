package dev.tandem.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount of money in the minor units of its currency (4999 EUR is 49.99 EUR, 500 JPY is
 * 500 JPY). Arithmetic is exact and refuses to overflow or to mix currencies;
 * {@link #percentOf(Percentage)} is the one place where the system rounds.
 *
 * @param amount amount in minor units, negative for refunds and clawbacks
 * @param currency an ISO 4217 currency with a defined number of fraction digits
 */
public record Money(long amount, Currency currency) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Money {
        Objects.requireNonNull(currency, "currency must not be null");
        // Pseudo-currencies like XXX or XAU have no minor unit, so an amount in them means nothing.
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(
                    currency.getCurrencyCode() + " has no minor unit and cannot be used for money");
        }
    }

    /** Money of {@code minor} units in the currency with the ISO 4217 code, e.g. {@code of(4999, "EUR")}. */
    public static Money of(long minor, String currencyCode) {
        Objects.requireNonNull(currencyCode, "currency code must not be null");
        return new Money(minor, Currency.getInstance(currencyCode));
    }

    /**
     * The currency with this ISO 4217 code, exactly as written (three upper-case letters), that money
     * can be kept in; empty for anything else, including pseudo-currencies without a minor unit (XAU).
     */
    public static Optional<Currency> currency(String code) {
        if (code == null || code.length() != 3) {
            return Optional.empty();
        }
        for (int i = 0; i < 3; i++) {
            if (code.charAt(i) < 'A' || code.charAt(i) > 'Z') {
                return Optional.empty();
            }
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() >= 0 ? Optional.of(currency) : Optional.empty();
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Money from an amount in major units, e.g. {@code 49.99} EUR. Refuses amounts with more
     * decimals than the currency has rather than rounding them away.
     */
    public static Money ofMajor(BigDecimal major, Currency currency) {
        Objects.requireNonNull(major, "amount must not be null");
        Objects.requireNonNull(currency, "currency must not be null");
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException(
                    currency.getCurrencyCode() + " has no minor unit and cannot be used for money");
        }
        BigDecimal exact = major.stripTrailingZeros();
        if (exact.scale() > digits) {
            throw new IllegalArgumentException(major.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + digits + ")");
        }
        return new Money(exact.movePointRight(digits).longValueExact(), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency("add", other);
        return new Money(Math.addExact(this.amount, other.amount), this.currency);
    }

    public Money minus(Money other) {
        requireSameCurrency("subtract", other);
        return new Money(Math.subtractExact(this.amount, other.amount), this.currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(this.amount), this.currency);
    }

    public boolean isNegative() {
        return this.amount < 0;
    }

    public boolean isZero() {
        return this.amount == 0;
    }

    /** The amount in major units with the currency's scale, e.g. {@code 49.99} or {@code 500}. */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(this.amount, this.currency.getDefaultFractionDigits());
    }

    /**
     * The given percentage of this amount, rounded half up to whole minor units. This is the
     * system's single rounding rule: commissions, fees and splits all go through it, so the
     * same inputs always give the same cents. Halves round away from zero, so a clawback is
     * exactly the negation of the commission it reverses.
     */
    public Money percentOf(Percentage percentage) {
        Objects.requireNonNull(percentage, "percentage must not be null");
        BigDecimal exact = BigDecimal.valueOf(this.amount).multiply(percentage.value()).divide(HUNDRED);
        return new Money(exact.setScale(0, RoundingMode.HALF_UP).longValueExact(), this.currency);
    }

    private void requireSameCurrency(String operation, Money other) {
        Objects.requireNonNull(other, "money must not be null");
        if (!this.currency.equals(other.currency)) {
            throw new MixedCurrencyException(operation, this.currency, other.currency);
        }
    }

    /** Readable form for logs and messages, e.g. {@code 49.99 EUR}; not a locale-aware format. */
    @Override
    public String toString() {
        return toMajor().toPlainString() + " " + this.currency.getCurrencyCode();
    }

}
