package dev.tandem.program;

import java.util.Map;

/** What an applicant told us that the ideal partner profile can judge. Any field may be null. */
public record ApplicantProfile(String industry, String companySize, String audience, String region,
        Map<QuestionId, String> answers) {

    /** Company size buckets offered on the application form. */
    public static final java.util.List<String> COMPANY_SIZES = java.util.List.of("1", "2-10", "11-50", "51-200",
            "201-1000", "1000+");

    String valueOf(FitCriterion criterion) {
        return switch (criterion.attribute()) {
            case INDUSTRY -> industry;
            case COMPANY_SIZE -> companySize;
            case AUDIENCE -> audience;
            case REGION -> region;
            case QUESTION -> answers == null ? null : answers.get(criterion.questionId());
        };
    }
}
