package dev.tandem.core;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A percentage such as a commission rate: {@code 2.9} means 2.9 %. Kept as an exact decimal
 * (never a double) and normalised so that {@code 10} and {@code 10.0} are equal.
 *
 * @param value the percentage, from 0 to 1000 with at most 4 decimal places
 */
public record Percentage(BigDecimal value) {

    static final int MAX_DECIMALS = 4;

    // Plain notation only: "1E+1" is a valid BigDecimal but not something a person types as a rate.
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    // Above 100 % is legitimate (a reseller bonus can exceed the sale), but not by orders of magnitude.
    private static final BigDecimal MAX = BigDecimal.valueOf(1000);

    public Percentage {
        Objects.requireNonNull(value, "percentage must not be null");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("percentage must not be negative, got " + value.toPlainString());
        }
        if (value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("percentage must be at most 1000, got " + value.toPlainString());
        }
        value = value.stripTrailingZeros();
        if (value.scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException(
                    "percentage must have at most " + MAX_DECIMALS + " decimal places, got " + value.toPlainString());
        }
        // stripTrailingZeros turns 10 into 1E+1; a non-negative scale keeps equals and toString plain.
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
    }

    /** Parses a plain decimal such as {@code "10"}, {@code "2.9"} or {@code "12.5"}. */
    public static Percentage of(String percent) {
        Objects.requireNonNull(percent, "percentage must not be null");
        String trimmed = percent.strip();
        if (!PLAIN_DECIMAL.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("percentage must be a decimal number such as 2.9, got " + percent);
        }
        return new Percentage(new BigDecimal(trimmed));
    }

    /** A percentage from basis points: 290 bp is 2.9 %. */
    public static Percentage ofBasisPoints(long basisPoints) {
        return new Percentage(BigDecimal.valueOf(basisPoints, 2));
    }

    /**
     * This percentage in basis points, e.g. 290 for 2.9 %.
     * @throws ArithmeticException if it is finer than a basis point, e.g. 2.905 %
     */
    public long basisPoints() {
        return this.value.movePointRight(2).longValueExact();
    }

    @Override
    public String toString() {
        return this.value.toPlainString();
    }

}
