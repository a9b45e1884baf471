package dev.tandem.partner.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Language;
import dev.tandem.core.Page;
import dev.tandem.partner.AcceptanceStatus;
import dev.tandem.partner.AgreementAcceptances;
import dev.tandem.partner.Applications;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentId;
import dev.tandem.partner.Onboarding;
import dev.tandem.partner.OnboardingProgress;
import dev.tandem.partner.OnboardingStep;
import dev.tandem.partner.OnboardingStepKind;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.QuestionId;
import dev.tandem.workspace.ApiKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rest of the partner lifecycle through the API: applications sent from the business's own
 * forms, onboarding steps, and where an enrollment stands (agreement accepted? onboarding done?).
 * Accepting an agreement or ticking a step stays the partner's own act in the portal: a business's
 * API key recording it would be the business consenting on the partner's behalf.
 */
@RestController
@Tag(name = "Partners")
class PartnerLifecycleApiController {

    private final Programs programs;
    private final Applications applications;
    private final Partners partners;
    private final AgreementAcceptances acceptances;
    private final Onboarding onboarding;

    PartnerLifecycleApiController(Programs programs, Applications applications, Partners partners,
            AgreementAcceptances acceptances, Onboarding onboarding) {
        this.programs = programs;
        this.applications = applications;
        this.partners = partners;
        this.acceptances = acceptances;
        this.onboarding = onboarding;
    }

    record ApplicationBody(String name, String email, String phone, String company, String website, String plan,
            List<String> referrals, String industry, String companySize, String audience, String region,
            Map<String, String> answers, Boolean termsAccepted, String language, String via, String ip,
            String userAgent) {
    }

    record StepBody(String kind, String title, String url) {
    }

    record StepView(String id, String kind, String title, String url, int position) {
        static StepView of(OnboardingStep s) {
            return new StepView(s.id().toString(), s.kind().code(), s.title(), s.url(), s.position());
        }
    }

    record AgreementState(String currentVersionId, Integer currentVersion, Integer acceptedVersion, boolean pending,
            Instant acceptedAt) {
    }

    record ProgressItem(String stepId, String kind, String title, boolean done, Instant doneAt, String doneBy) {
    }

    record OnboardingState(int done, int total, boolean complete, String stuckOnStepId, List<ProgressItem> steps) {
    }

    record EnrollmentDetail(PartnerApiController.EnrollmentView enrollment, AgreementState agreement,
            OnboardingState onboarding) {
    }

    @PostMapping("/api/v1/programs/{programId}/applications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit an application as the public page would (e.g. from your own site's form);"
            + " it is scored, may be auto-approved, and the applicant is emailed in `language`")
    PartnerApiController.ApplicationView apply(@AuthenticationPrincipal ApiKeyPrincipal key,
            @PathVariable String programId, @RequestBody ApplicationBody body) {
        Program program = programs.get(key.workspaceId(), ProgramId.parse(programId));
        Map<QuestionId, String> answers = new LinkedHashMap<>();
        (body.answers() == null ? Map.<String, String>of() : body.answers()).forEach((question, answer) -> {
            try {
                answers.put(QuestionId.parse(question), answer);
            } catch (IllegalArgumentException notAnId) {
                throw InvalidInputException.of("answers." + question, "validation.required",
                        "is not a question id of this program (qst_…)");
            }
        });
        Applications.Submitted submitted = submit(program, body, answers, PartnerApiController.language(body.language()));
        return PartnerApiController.ApplicationView.of(
                applications.get(key.workspaceId(), submitted.application().id()));
    }

    /** Submits as the public page does, naming fields as this API's body does ("termsAccepted", not "terms"). */
    private Applications.Submitted submit(Program program, ApplicationBody body, Map<QuestionId, String> answers,
            Language language) {
        try {
            return applications.submit(program, new Applications.Submission(
                body.name(), body.email(), body.phone(), body.company(), body.website(), body.plan(),
                body.referrals() == null ? List.of() : body.referrals(), body.industry(), body.companySize(),
                body.audience(), body.region(), answers, Boolean.TRUE.equals(body.termsAccepted())),
                // the applicant's own address and browser (as seen by the caller's form), never the caller's:
                // they are the evidence of who accepted the terms
                new Applications.Origin(body.ip(), body.userAgent(), language, body.via()));
        } catch (InvalidInputException invalid) {
            throw new InvalidInputException(invalid.problems().stream()
                    .map(p -> "terms".equals(p.field()) ? new FieldProblem("termsAccepted", p.message(), p.code()) : p)
                    .toList());
        }
    }

    @GetMapping("/api/v1/programs/{programId}/onboarding-steps")
    @Operation(summary = "The program's onboarding checklist, in order")
    Page<StepView> steps(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId) {
        return new Page<>(onboarding.steps(key.workspaceId(), ProgramId.parse(programId)).stream()
                .map(StepView::of).toList(), false);
    }

    @PostMapping("/api/v1/programs/{programId}/onboarding-steps")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a step at the end of the checklist: accept_agreement, complete_profile,"
            + " add_payout_details and create_first_link are ticked by Tandem, the others by the partner")
    StepView addStep(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId,
            @RequestBody StepBody body) {
        OnboardingStepKind kind = body.kind() == null ? null : OnboardingStepKind.fromCode(body.kind()).orElse(null);
        return StepView.of(onboarding.addStep(key.workspaceId(), key.asActor(), ProgramId.parse(programId), kind,
                body.title(), body.url()));
    }

    @GetMapping("/api/v1/enrollments/{id}")
    @Operation(summary = "An enrollment with its agreement state (pending acceptance?) and onboarding progress")
    EnrollmentDetail enrollment(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        Enrollment enrollment = partners.enrollment(key.workspaceId(), EnrollmentId.parse(id));
        AcceptanceStatus status = acceptances.status(key.workspaceId(), enrollment);
        OnboardingProgress progress = onboarding.progress(key.workspaceId(), enrollment);
        AgreementState agreement = new AgreementState(
                status.current() == null ? null : status.current().id().toString(),
                status.current() == null ? null : status.current().version(), status.latestVersion(), status.pending(),
                status.latest() == null ? null : status.latest().acceptedAt());
        OnboardingState state = new OnboardingState(progress.doneCount(), progress.total(), progress.complete(),
                progress.stuckOn() == null ? null : progress.stuckOn().id().toString(),
                progress.items().stream().map(i -> new ProgressItem(i.step().id().toString(), i.step().kind().code(),
                        i.step().title(), i.done(), i.doneAt(), i.doneBy())).toList());
        return new EnrollmentDetail(PartnerApiController.EnrollmentView.of(enrollment), agreement, state);
    }
}
