package dev.tandem.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BankAccountsTest {

    @Test
    void ibanChecksumsAreTheIsoMod97Check() {
        assertThat(BankAccounts.checksumMatches("ES9121000418450200051332")).isTrue();
        assertThat(BankAccounts.checksumMatches("DE89370400440532013000")).isTrue();
        assertThat(BankAccounts.checksumMatches("GB82WEST12345698765432")).isTrue();
        assertThat(BankAccounts.checksumMatches("NO9386011117947")).isTrue();
        assertThat(BankAccounts.checksumMatches("ES9121000418450200051333")).isFalse();
        assertThat(BankAccounts.checksumMatches("ES1921000418450200051332")).as("swapped check digits").isFalse();
    }

    @Test
    void checkDigitsAreComputedSoThatTheChecksumMatches() {
        assertThat(BankAccounts.withCheckDigits("DE", "370400440532013000")).isEqualTo("DE89370400440532013000");
        assertThat(BankAccounts.withCheckDigits("ES", "21000418450200051332")).isEqualTo("ES9121000418450200051332");
    }

    @Test
    void problemsNameTheFieldTheCallerGave() {
        assertThat(BankAccounts.ibanProblem("account.iban", BankAccounts.compact("es91 2100 0418 4502 0005 1333")))
                .hasValueSatisfying(p -> assertThat(p.field() + ": " + p.message())
                        .isEqualTo("account.iban: checksum does not match"));
        assertThat(BankAccounts.ibanProblem("iban", "DE89370400440532013000")).isEmpty();
        assertThat(BankAccounts.bicProblem("bic", "COBADEFF")).isEmpty();
        assertThat(BankAccounts.bicProblem("bic", "")).as("optional inside SEPA").isEmpty();
        assertThat(BankAccounts.bicProblem("payer.bic", "COBA-DE")).hasValueSatisfying(p -> assertThat(p.field())
                .isEqualTo("payer.bic"));
    }
}
