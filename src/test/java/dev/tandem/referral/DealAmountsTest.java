package dev.tandem.referral;

import java.util.Currency;

import dev.tandem.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected deal values are read as partners in five languages write them, and never guessed. */
class DealAmountsTest {

    static final Currency EUR = Currency.getInstance("EUR");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12,500.00|1250000", "12.500,00|1250000", "12 500|1250000",
            "12'500.50|1250050", "12500|1250000", "1,5|150", "99.90|9990", "1.234.567|123456700",
            "1,234,567.89|123456789", "0|0", "7.|700"})
    void readsTheUsualWaysOfWritingAnAmount(String typed, long minor) {
        assertThat(DealAmounts.parse(typed, EUR).amount()).isEqualTo(minor);
    }

    @Test
    void threeDigitsAfterOneMarkAreDecimalsOnlyInACurrencyWithThreeDecimals() {
        assertThat(DealAmounts.parse("1,500", Currency.getInstance("KWD")).amount()).isEqualTo(1500);
        assertThat(DealAmounts.parse("1,500", EUR).amount()).isEqualTo(150000);
        assertThat(DealAmounts.parse("1,500", Currency.getInstance("JPY")).amount()).isEqualTo(1500);
    }

    @Test
    void nothingTypedIsNoExpectedValue() {
        assertThat(DealAmounts.parse("  ", EUR)).isNull();
        assertThat(DealAmounts.parse(null, EUR)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12,5x|deal.error.amount", "-100|deal.error.amount",
            "1,2,3|deal.error.amount", ".5|deal.error.amount", "1.2,5|deal.error.amount",
            "10,5555|deal.error.amountDecimals", "9999999999999999|deal.error.amount"})
    void refusesWhatItCannotReadNamingTheField(String typed, String code) {
        assertThatThrownBy(() -> DealAmounts.parse(typed, EUR)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> {
                    assertThat(e.problems().get(0).field()).isEqualTo("expectedValue");
                    assertThat(e.problems().get(0).code()).isEqualTo(code);
                });
    }

    @Test
    void theCurrencyDefaultsToTheProgramsAndMustBeARealOne() {
        assertThat(DealAmounts.currency(" ", EUR)).isEqualTo(EUR);
        assertThat(DealAmounts.currency("usd", EUR)).isEqualTo(Currency.getInstance("USD"));
        assertThatThrownBy(() -> DealAmounts.currency("EURO", EUR)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> DealAmounts.currency("XXX", EUR)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void publicMailProvidersAreNoCompanyDomain() {
        assertThat(DealConflicts.companyDomain("ana@gmail.com")).isEmpty();
        assertThat(DealConflicts.companyDomain("ana@hotmail.es")).isEmpty();
        assertThat(DealConflicts.companyDomain("ana@yahoo.com.br")).isEmpty();
        assertThat(DealConflicts.companyDomain("ana@globex.com")).isEqualTo("globex.com");
    }
}
