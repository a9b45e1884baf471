package dev.tandem.core;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PercentageTest {

    @Test
    void parsesPlainDecimals() {
        assertThat(Percentage.of("10").value()).isEqualByComparingTo("10");
        assertThat(Percentage.of("2.9").value()).isEqualByComparingTo("2.9");
        assertThat(Percentage.of("12.5").value()).isEqualByComparingTo("12.5");
        assertThat(Percentage.of("0").value()).isEqualByComparingTo("0");
    }

    @Test
    void equalsIgnoresTrailingZeros() {
        assertThat(Percentage.of("10")).isEqualTo(Percentage.of("10.0")).isEqualTo(Percentage.of("10.0000"));
        assertThat(Percentage.of("10").hashCode()).isEqualTo(Percentage.of("10.00").hashCode());
        assertThat(Percentage.of("0")).isEqualTo(Percentage.of("0.00"));
    }

    @Test
    void printsAsPlainNumber() {
        assertThat(Percentage.of("2.9")).hasToString("2.9");
        assertThat(Percentage.of("10.0")).hasToString("10");
        assertThat(Percentage.of("100")).hasToString("100");
        assertThat(Percentage.of("0.0001")).hasToString("0.0001");
    }

    @Test
    void refusesNegativePercentages() {
        assertThatIllegalArgumentException().isThrownBy(() -> Percentage.of("-1"))
            .withMessageContaining("must not be negative");
    }

    @Test
    void refusesMoreThanAThousandPercent() {
        assertThat(Percentage.of("1000")).hasToString("1000");
        assertThatIllegalArgumentException().isThrownBy(() -> Percentage.of("1000.01"))
            .withMessageContaining("at most 1000");
    }

    @Test
    void refusesMoreThanFourDecimalPlaces() {
        assertThat(Percentage.of("2.12340")).hasToString("2.1234");
        assertThatIllegalArgumentException().isThrownBy(() -> Percentage.of("2.12345"))
            .withMessageContaining("4 decimal places");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "ten", "1e2", "2,9", "1.", ".5", "+5" })
    void refusesTextThatIsNotAPlainDecimal(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Percentage.of(text))
            .withMessageContaining("decimal number");
    }

    @Test
    void refusesNull() {
        assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> Percentage.of(null));
        assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> new Percentage(null));
    }

    @Test
    void convertsExactlyToAndFromBasisPoints() {
        assertThat(Percentage.ofBasisPoints(290)).isEqualTo(Percentage.of("2.9"));
        assertThat(Percentage.ofBasisPoints(1000)).isEqualTo(Percentage.of("10"));
        assertThat(Percentage.of("12.5").basisPoints()).isEqualTo(1250);
        assertThat(Percentage.of("0").basisPoints()).isZero();
    }

    @Test
    void refusesBasisPointsThatWouldLosePrecision() {
        assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> Percentage.of("2.905").basisPoints());
        assertThatIllegalArgumentException().isThrownBy(() -> Percentage.ofBasisPoints(-1));
    }

    @Test
    void acceptsBigDecimalsInAnyNotation() {
        assertThat(new Percentage(new BigDecimal("1E+1"))).isEqualTo(Percentage.of("10")).hasToString("10");
    }

}
