package dev.tandem.core;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private static final Currency JPY = Currency.getInstance("JPY");

    @ParameterizedTest(name = "{0} {2} x {1}% = {3}")
    @CsvSource({
        "7,    20,  EUR, 1",
        "3,    20,  EUR, 1",
        "2,    20,  EUR, 0",
        "15,   10,  EUR, 2",
        "500,  2.9, EUR, 15",
        "1999, 10,  JPY, 200",
    })
    void percentOfRoundsHalfUpToWholeMinorUnits(long amount, String percent, String currency, long expected) {
        Money result = Money.of(amount, currency).percentOf(Percentage.of(percent));

        assertThat(result).isEqualTo(Money.of(expected, currency));
    }

    @ParameterizedTest(name = "{0} x {1}% = {2}")
    @CsvSource({
        "-15,  10, -2",
        "-7,   20, -1",
        "-2,   20,  0",
        "-500, 2.9, -15",
    })
    void percentOfRoundsNegativeAmountsSymmetrically(long amount, String percent, long expected) {
        Money result = Money.of(amount, "EUR").percentOf(Percentage.of(percent));

        assertThat(result.amount()).isEqualTo(expected);
        assertThat(result).isEqualTo(Money.of(-amount, "EUR").percentOf(Percentage.of(percent)).negate());
    }

    @Test
    void percentOfRefusesToOverflow() {
        Money huge = Money.of(Long.MAX_VALUE, "EUR");

        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> huge.percentOf(Percentage.of("200")));
    }

    @Test
    void addsAndSubtractsInTheSameCurrency() {
        Money price = Money.of(4999, "EUR");

        assertThat(price.plus(Money.of(1, "EUR"))).isEqualTo(Money.of(5000, "EUR"));
        assertThat(price.minus(Money.of(5000, "EUR"))).isEqualTo(Money.of(-1, "EUR"));
    }

    @Test
    void refusesToAddDifferentCurrencies() {
        assertThatExceptionOfType(MixedCurrencyException.class)
            .isThrownBy(() -> Money.of(100, "EUR").plus(Money.of(100, "JPY")))
            .withMessage("cannot add JPY to EUR");
    }

    @Test
    void refusesToSubtractDifferentCurrencies() {
        assertThatExceptionOfType(MixedCurrencyException.class)
            .isThrownBy(() -> Money.of(100, "EUR").minus(Money.of(100, "USD")))
            .withMessage("cannot subtract USD from EUR");
    }

    @Test
    void refusesToOverflowInsteadOfWrappingAround() {
        Money max = Money.of(Long.MAX_VALUE, "EUR");
        Money min = Money.of(Long.MIN_VALUE, "EUR");

        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> max.plus(Money.of(1, "EUR")));
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> min.minus(Money.of(1, "EUR")));
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(min::negate);
    }

    @Test
    void negatesAndReportsSign() {
        Money refund = Money.of(4999, "EUR").negate();

        assertThat(refund.amount()).isEqualTo(-4999);
        assertThat(refund.isNegative()).isTrue();
        assertThat(refund.isZero()).isFalse();
        assertThat(Money.zero(EUR).isZero()).isTrue();
        assertThat(Money.zero(EUR).isNegative()).isFalse();
    }

    @Test
    void convertsToAndFromMajorUnitsWithTheCurrencysScale() {
        assertThat(Money.of(4999, "EUR").toMajor()).isEqualByComparingTo("49.99").hasScaleOf(2);
        assertThat(Money.of(500, "JPY").toMajor()).isEqualTo(new BigDecimal("500"));
        assertThat(Money.ofMajor(new BigDecimal("49.99"), EUR)).isEqualTo(Money.of(4999, "EUR"));
        assertThat(Money.ofMajor(new BigDecimal("49.9"), EUR)).isEqualTo(Money.of(4990, "EUR"));
        assertThat(Money.ofMajor(new BigDecimal("500.00"), JPY)).isEqualTo(Money.of(500, "JPY"));
        assertThat(Money.ofMajor(new BigDecimal("1E+3"), JPY)).isEqualTo(Money.of(1000, "JPY"));
    }

    @Test
    void ofMajorRefusesDecimalsTheCurrencyDoesNotHave() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.ofMajor(new BigDecimal("500.5"), JPY))
            .withMessageContaining("JPY")
            .withMessageContaining("500.5");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.ofMajor(new BigDecimal("49.999"), EUR))
            .withMessageContaining("EUR");
    }

    @Test
    void ofMajorRefusesAmountsTooLargeForMinorUnits() {
        BigDecimal tooLarge = new BigDecimal(Long.MAX_VALUE).add(BigDecimal.ONE);

        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Money.ofMajor(tooLarge, JPY));
    }

    @Test
    void refusesCurrenciesWithoutMinorUnits() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of(1, "XXX")).withMessageContaining("XXX");
        assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> new Money(1, null));
    }

    @Test
    void readsOnlyExactIsoCodesOfCurrenciesWithMinorUnits() {
        assertThat(Money.currency("EUR")).contains(EUR);
        assertThat(Money.currency("JPY")).contains(JPY);
        assertThat(Money.currency("eur")).isEmpty();
        assertThat(Money.currency(" EUR")).isEmpty();
        assertThat(Money.currency("XAU")).isEmpty();
        assertThat(Money.currency("ABC")).isEmpty();
        assertThat(Money.currency(null)).isEmpty();
    }

    @Test
    void printsAmountInMajorUnitsWithCurrencyCode() {
        assertThat(Money.of(4999, "EUR")).hasToString("49.99 EUR");
        assertThat(Money.of(-5, "EUR")).hasToString("-0.05 EUR");
        assertThat(Money.of(500, "JPY")).hasToString("500 JPY");
    }

}
