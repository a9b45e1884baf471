package dev.tandem.program;

import java.util.List;
import java.util.Locale;

/**
 * How well an application matches the ideal partner profile, 0–100, with the reason for every
 * criterion so that a reviewer sees why — never a bare number.
 */
public record FitScore(int score, List<Reason> reasons) {

    /** One criterion's verdict: what the applicant said, what was hoped for, and its weight. */
    public record Reason(FitCriterion.Attribute attribute, String questionLabel, String given,
            List<String> expected, int weight, boolean matched) {
    }

    /** Matched weight over total weight; a profile without criteria scores everyone 100. */
    public static FitScore of(List<FitCriterion> criteria, ApplicantProfile profile,
            java.util.function.Function<QuestionId, String> questionLabels) {
        if (criteria.isEmpty()) {
            return new FitScore(100, List.of());
        }
        int total = 0;
        int matched = 0;
        List<Reason> reasons = new java.util.ArrayList<>();
        for (FitCriterion criterion : criteria) {
            String given = profile.valueOf(criterion);
            boolean match = matches(given, criterion.expectedValues());
            total += criterion.weight();
            matched += match ? criterion.weight() : 0;
            reasons.add(new Reason(criterion.attribute(),
                    criterion.questionId() == null ? null : questionLabels.apply(criterion.questionId()),
                    given, criterion.expectedValues(), criterion.weight(), match));
        }
        return new FitScore(Math.round(100f * matched / total), List.copyOf(reasons));
    }

    /**
     * Case-insensitive; an expected value matches an answer equal to it or containing it as a word:
     * not preceded or followed by a letter or digit. (Not {@code \b}: it never matched a value ending
     * in a symbol, such as "C++" in "C++ developers", and since Java 19 it treats accented letters as
     * non-word characters, so "Perú" in "Perú y Chile" did not match either.)
     */
    static boolean matches(String given, List<String> expected) {
        if (given == null || given.isBlank()) {
            return false;
        }
        String answer = given.trim().toLowerCase(Locale.ROOT);
        return expected.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty())
                .anyMatch(e -> answer.equals(e) || java.util.regex.Pattern
                        .compile("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(e) + "(?![\\p{L}\\p{N}])")
                        .matcher(answer).find());
    }
}
