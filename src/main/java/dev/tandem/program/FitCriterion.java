package dev.tandem.program;

import java.util.List;

/**
 * One trait of the ideal partner: an attribute of the application (or the answer to a custom
 * question), the values that count as a match, and how much it weighs (1–10).
 */
public record FitCriterion(ProgramId programId, CriterionId id, Attribute attribute, QuestionId questionId,
        List<String> expectedValues, int weight) {

    /** What an application is judged on. */
    public enum Attribute {
        INDUSTRY, COMPANY_SIZE, AUDIENCE, REGION, QUESTION;

        public String code() {
            return name().toLowerCase();
        }

        public static Attribute fromCode(String code) {
            return valueOf(code.toUpperCase());
        }
    }
}
