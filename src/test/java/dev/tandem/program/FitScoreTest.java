package dev.tandem.program;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FitScoreTest {

    private static final ProgramId PROGRAM = new ProgramId(UUID.randomUUID());
    private static final QuestionId CHANNEL = new QuestionId(UUID.randomUUID());

    @Test
    void theScoreIsTheMatchedWeightOverTheTotalWeightWithAReasonForEveryCriterion() {
        List<FitCriterion> criteria = List.of(
                criterion(FitCriterion.Attribute.INDUSTRY, 6, "SaaS"),
                criterion(FitCriterion.Attribute.REGION, 4, "Spain", "Portugal"));

        FitScore fit = FitScore.of(criteria, profile("B2B SaaS", null, null, "France", Map.of()), id -> "?");

        assertThat(fit.score()).isEqualTo(60);
        assertThat(fit.reasons())
                .extracting(FitScore.Reason::attribute, FitScore.Reason::given, FitScore.Reason::expected,
                        FitScore.Reason::weight, FitScore.Reason::matched)
                .containsExactly(
                        tuple(FitCriterion.Attribute.INDUSTRY, "B2B SaaS", List.of("SaaS"), 6, true),
                        tuple(FitCriterion.Attribute.REGION, "France", List.of("Spain", "Portugal"), 4, false));
    }

    @Test
    void anyOneExpectedValueIsEnoughAndTheScoreIsRoundedToAWholeNumber() {
        List<FitCriterion> criteria = List.of(
                criterion(FitCriterion.Attribute.INDUSTRY, 1, "Retail"),
                criterion(FitCriterion.Attribute.REGION, 1, "Spain", "Portugal"),
                criterion(FitCriterion.Attribute.AUDIENCE, 1, "Developers"));

        FitScore fit = FitScore.of(criteria, profile("Banking", null, "Marketers", "Portugal", Map.of()), id -> "?");

        assertThat(fit.score()).isEqualTo(33);
        assertThat(fit.reasons()).extracting(FitScore.Reason::matched).containsExactly(false, true, false);
    }

    @Test
    void withoutCriteriaEveryApplicationScoresAHundredWithNoReasons() {
        FitScore fit = FitScore.of(List.of(), profile(null, null, null, null, null), id -> "?");

        assertThat(fit.score()).isEqualTo(100);
        assertThat(fit.reasons()).isEmpty();
    }

    @Test
    void matchingIgnoresCaseButNeedsAWholeWord() {
        List<FitCriterion> saas = List.of(criterion(FitCriterion.Attribute.INDUSTRY, 1, "saas"));

        assertThat(scoreOf(saas, "SAAS")).isEqualTo(100);
        assertThat(scoreOf(saas, "We build SaaS tools")).isEqualTo(100);
        assertThat(scoreOf(saas, "SaaS, fintech")).isEqualTo(100);
        assertThat(scoreOf(saas, "SaaSy marketing")).as("part of a longer word").isZero();
        assertThat(scoreOf(saas, "paas")).isZero();

        List<FitCriterion> twoWords = List.of(criterion(FitCriterion.Attribute.INDUSTRY, 1, "Health Care"));
        assertThat(scoreOf(twoWords, "digital HEALTH CARE providers")).isEqualTo(100);
        assertThat(scoreOf(twoWords, "healthcare")).isZero();
    }

    @Test
    void valuesWithAccentsOrEndingInASymbolMatchAsWholeWordsToo() {
        assertThat(scoreOf(List.of(criterion(FitCriterion.Attribute.INDUSTRY, 1, "Perú")), "Perú y Chile"))
                .isEqualTo(100);
        assertThat(scoreOf(List.of(criterion(FitCriterion.Attribute.INDUSTRY, 1, "Perú")), "Perúes")).isZero();
        assertThat(scoreOf(List.of(criterion(FitCriterion.Attribute.INDUSTRY, 1, "C++")), "C++ developers"))
                .isEqualTo(100);
        assertThat(scoreOf(List.of(criterion(FitCriterion.Attribute.INDUSTRY, 1, "Ålesund")), "Near ålesund, Norway"))
                .isEqualTo(100);
    }

    @Test
    void aMissingOrBlankAnswerNeverMatches() {
        List<FitCriterion> criteria = List.of(criterion(FitCriterion.Attribute.INDUSTRY, 3, "SaaS"));

        assertThat(scoreOf(criteria, null)).isZero();
        assertThat(scoreOf(criteria, "   ")).isZero();
    }

    @Test
    void aQuestionCriterionJudgesTheAnswerToThatQuestionAndNamesIt() {
        FitCriterion channel = new FitCriterion(PROGRAM, new CriterionId(UUID.randomUUID()),
                FitCriterion.Attribute.QUESTION, CHANNEL, List.of("Newsletter"), 5);

        FitScore fit = FitScore.of(List.of(channel),
                profile(null, null, null, null, Map.of(CHANNEL, "My newsletter, 20k readers")),
                id -> id.equals(CHANNEL) ? "Where will you promote us?" : "?");

        assertThat(fit.score()).isEqualTo(100);
        assertThat(fit.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.questionLabel()).isEqualTo("Where will you promote us?");
            assertThat(reason.given()).isEqualTo("My newsletter, 20k readers");
        });
    }

    @Test
    void aProfileWithoutAnswersMissesQuestionCriteriaInsteadOfFailing() {
        List<FitCriterion> criteria = List.of(
                new FitCriterion(PROGRAM, new CriterionId(UUID.randomUUID()), FitCriterion.Attribute.QUESTION, CHANNEL,
                        List.of("yes"), 2),
                criterion(FitCriterion.Attribute.COMPANY_SIZE, 2, "11-50"));

        FitScore fit = FitScore.of(criteria, profile(null, "11-50", null, null, null), id -> "Do you sell B2B?");

        assertThat(fit.score()).isEqualTo(50);
        assertThat(fit.reasons()).extracting(FitScore.Reason::matched).containsExactly(false, true);
    }

    private static int scoreOf(List<FitCriterion> industryCriteria, String industry) {
        return FitScore.of(industryCriteria, profile(industry, null, null, null, Map.of()), id -> "?").score();
    }

    private static FitCriterion criterion(FitCriterion.Attribute attribute, int weight, String... expected) {
        return new FitCriterion(PROGRAM, new CriterionId(UUID.randomUUID()), attribute, null, List.of(expected), weight);
    }

    private static ApplicantProfile profile(String industry, String companySize, String audience, String region,
            Map<QuestionId, String> answers) {
        return new ApplicantProfile(industry, companySize, audience, region, answers);
    }
}
