package dev.tandem.partner;

import java.time.Instant;
import java.util.List;

import dev.tandem.program.AgreementVersionId;
import dev.tandem.program.FitScore;
import dev.tandem.program.ProgramId;
import dev.tandem.program.QuestionId;
import dev.tandem.workspace.WorkspaceId;

/**
 * What an applicant sent to a program, kept as sent: how they plan to refer, their references, the
 * answers to the custom questions (with each question as it was asked), the fit score it earned
 * with the reason for every criterion, and which version of the terms they accepted.
 */
public record Application(WorkspaceId workspaceId, ApplicationId id, EnrollmentId enrollmentId, ProgramId programId,
        PartnerId partnerId, Instant submittedAt, String plan, List<String> referrals, List<Answer> answers,
        int fitScore, List<FitScore.Reason> fitReasons, AgreementVersionId termsVersionId, String ip,
        String userAgent) {

    /** One custom question and what the applicant answered. */
    public record Answer(QuestionId questionId, String question, String answer) {
    }
}
