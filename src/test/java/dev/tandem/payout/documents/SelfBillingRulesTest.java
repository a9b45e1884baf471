package dev.tandem.payout.documents;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SelfBillingRulesTest {

    @Test
    void reverseChargeAppliesBetweenTwoMemberStatesWhenThePartnerHasAVatId() {
        assertThat(SelfBillingRules.reverseCharge("ES", "PT", "PT123456789")).isTrue();
        assertThat(SelfBillingRules.reverseCharge("de", " it ", "IT 12345678901")).isTrue();
    }

    @Test
    void reverseChargeDoesNotApplyWithinOneCountry() {
        assertThat(SelfBillingRules.reverseCharge("ES", "ES", "ESB12345678")).isFalse();
    }

    @Test
    void reverseChargeDoesNotApplyOutsideTheUnion() {
        assertThat(SelfBillingRules.reverseCharge("ES", "NO", "NO123456789MVA")).isFalse();
        assertThat(SelfBillingRules.reverseCharge("NO", "ES", "ESB12345678")).isFalse();
        assertThat(SelfBillingRules.reverseCharge("", "ES", "ESB12345678")).isFalse();
    }

    @Test
    void reverseChargeNeedsThePartnersVatIdInItsRightForm() {
        assertThat(SelfBillingRules.reverseCharge("ES", "PT", "")).isFalse();
        assertThat(SelfBillingRules.reverseCharge("ES", "PT", null)).isFalse();
        assertThat(SelfBillingRules.reverseCharge("ES", "PT", "ES123456789")).isFalse();
    }

    @Test
    void greekVatIdsStartWithEl() {
        assertThat(SelfBillingRules.reverseCharge("DE", "GR", "EL123456789")).isTrue();
        assertThat(SelfBillingRules.vatIdProblem("GR", "EL123456789")).isNull();
        assertThat(SelfBillingRules.vatIdProblem("GR", "GR123456789")).contains("EL");
    }

    @Test
    void anEuBusinessIsInAMemberStateWithAWellFormedVatId() {
        assertThat(SelfBillingRules.euBusiness("IT", "IT12345678901")).isTrue();
        assertThat(SelfBillingRules.euBusiness("IT", "")).isFalse();
        assertThat(SelfBillingRules.euBusiness("IT", "FR12345678901")).isFalse();
        assertThat(SelfBillingRules.euBusiness("NO", "NO123456789MVA")).isFalse();
        assertThat(SelfBillingRules.euBusiness("GB", "GB123456789")).isFalse();
    }

    @Test
    void aVatIdMustCarryItsCountrysPrefix() {
        assertThat(SelfBillingRules.vatIdProblem("DE", "DE123456789")).isNull();
        assertThat(SelfBillingRules.vatIdProblem("DE", "FR123456789")).contains("must start with DE");
    }

    @Test
    void aVatIdIsTwoLettersThenTwoToThirteenLettersOrDigits() {
        assertThat(SelfBillingRules.vatIdProblem("DE", "DE1")).contains("2 to 13");
        assertThat(SelfBillingRules.vatIdProblem("NL", "NL12345678901234")).contains("2 to 13");
        assertThat(SelfBillingRules.vatIdProblem("NL", "NL123456789B01")).isNull();
        assertThat(SelfBillingRules.vatIdProblem("ES", "ES_B1234")).contains("2 to 13");
        assertThat(SelfBillingRules.vatIdProblem("ES", "123456789")).isNotNull();
    }

    @Test
    void spacesDotsAndHyphensAreIgnoredAndCaseDoesNotMatter() {
        assertThat(SelfBillingRules.vatIdProblem("BE", "be 0123.456.789")).isNull();
        assertThat(SelfBillingRules.vatIdProblem("at", "ATU-12345678")).isNull();
    }

    @Test
    void noVatIdIsNoProblemOfForm() {
        assertThat(SelfBillingRules.vatIdProblem("ES", "")).isNull();
        assertThat(SelfBillingRules.vatIdProblem("ES", null)).isNull();
    }

    @Test
    void withoutACountryOnlyTheShapeIsChecked() {
        assertThat(SelfBillingRules.vatIdProblem("", "FR12345678901")).isNull();
        assertThat(SelfBillingRules.vatIdProblem(null, "F1")).isNotNull();
    }
}
