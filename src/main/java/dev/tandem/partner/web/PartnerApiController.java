package dev.tandem.partner.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.tandem.core.InvalidInputException;
import dev.tandem.core.InvalidRequestParameterException;
import dev.tandem.core.Language;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.Application;
import dev.tandem.partner.ApplicationId;
import dev.tandem.partner.Applications;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentId;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Invitations;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerDirectory;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.FitScore;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.TierId;
import dev.tandem.workspace.ApiKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Partners, enrollments, invitations and the review queue through the API (see API.md). */
@RestController
@Tag(name = "Partners")
class PartnerApiController {

    private final Partners partners;
    private final PartnerDirectory directory;
    private final Invitations invitations;
    private final Applications applications;
    private final Programs programs;

    PartnerApiController(Partners partners, PartnerDirectory directory, Invitations invitations,
            Applications applications, Programs programs) {
        this.partners = partners;
        this.directory = directory;
        this.invitations = invitations;
        this.applications = applications;
        this.programs = programs;
    }

    record NewPartnerBody(String email, String name, String company, String phone, String website, String tier,
            String status, String language) {
    }

    record StatusBody(String status, String reason) {
    }

    record TierBody(String tierId, String reason) {
    }

    record InvitationBody(String email, String name, String tierId, String language) {
    }

    record ApproveBody(String tierId, String reason) {
    }

    record RejectBody(String reason) {
    }

    record EnrollmentView(String id, String programId, String partnerId, String tierId, String status,
            String statusReason, String introducedBy, Instant createdAt, Instant updatedAt) {
        static EnrollmentView of(Enrollment e) {
            return new EnrollmentView(e.id().toString(), e.programId().toString(), e.partnerId().toString(),
                    e.tierId().toString(), e.status().code(), e.statusReason(),
                    e.introducedBy() == null ? null : e.introducedBy().toString(), e.createdAt(), e.updatedAt());
        }
    }

    record ProfileView(String industry, String companySize, String audience, String region) {
    }

    /** A partner; {@code enrollment} is set when the answer concerns one program, {@code enrollments} otherwise. */
    record PartnerView(String id, String email, String name, String company, String phone, String website,
            ProfileView profile, String language, String inviteCode, String introducedBy, Instant createdAt,
            EnrollmentView enrollment, List<EnrollmentView> enrollments) {
        static PartnerView of(Partner p, Enrollment enrollment, List<Enrollment> enrollments) {
            return new PartnerView(p.id().toString(), p.email(), p.name(), p.company(), p.phone(), p.website(),
                    new ProfileView(p.profile().industry(), p.profile().companySize(), p.profile().audience(),
                            p.profile().region()),
                    p.language().tag(), p.inviteCode(), p.introducedBy() == null ? null : p.introducedBy().toString(),
                    p.createdAt(), enrollment == null ? null : EnrollmentView.of(enrollment),
                    enrollments == null ? null : enrollments.stream().map(EnrollmentView::of).toList());
        }
    }

    record AnswerView(String questionId, String question, String answer) {
    }

    record ReasonView(String attribute, String question, String given, List<String> expected, int weight,
            boolean matched) {
        static ReasonView of(FitScore.Reason r) {
            return new ReasonView(r.attribute().code(), r.questionLabel(), r.given(), r.expected(), r.weight(),
                    r.matched());
        }
    }

    record ApplicationView(String id, String programId, String partnerId, String name, String email, String company,
            String phone, String website, String plan, List<String> referrals, List<AnswerView> answers,
            int fitScore, List<ReasonView> fitReasons, String termsVersionId, Instant submittedAt,
            EnrollmentView enrollment) {
        static ApplicationView of(Applications.Reviewed r) {
            Application a = r.application();
            Partner p = r.partner();
            return new ApplicationView(a.id().toString(), a.programId().toString(), p.id().toString(), p.name(),
                    p.email(), p.company(), p.phone(), p.website(), a.plan(), a.referrals(),
                    a.answers().stream().map(x -> new AnswerView(x.questionId().toString(), x.question(), x.answer()))
                            .toList(),
                    a.fitScore(), a.fitReasons().stream().map(ReasonView::of).toList(),
                    a.termsVersionId() == null ? null : a.termsVersionId().toString(), a.submittedAt(),
                    EnrollmentView.of(r.enrollment()));
        }
    }

    @PostMapping("/api/v1/programs/{programId}/partners")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a partner to a program",
            description = "Creates the partner (once per email in the workspace) and enrolls them in the program,"
                    + " `approved` unless `status` is `pending`, in `tier` (a tier id; the default tier if absent)."
                    + " Answers the partner with `enrollment`. 409 if the person is already in the program.")
    PartnerView add(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId,
            @RequestBody NewPartnerBody body) {
        EnrollmentStatus status = body.status() == null || body.status().isBlank() ? EnrollmentStatus.APPROVED
                : parseStatus(body.status(), "status");
        Invitations.Enrolled added = invitations.add(key.workspaceId(), key.asActor(), ProgramId.parse(programId),
                new Partners.NewPartner(body.email(), body.name(), body.phone(), body.company(), body.website(), null,
                        language(body.language()), null),
                tier(body.tier(), "tier"), status);
        return PartnerView.of(added.partner(), added.enrollment(), null);
    }

    @GetMapping("/api/v1/partners/{id}")
    @Operation(summary = "A partner with their enrollments in every program of the workspace")
    PartnerView get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        Partner partner = partners.get(key.workspaceId(), PartnerId.parse(id));
        return PartnerView.of(partner, null, partners.enrollmentsOf(key.workspaceId(), partner.id()));
    }

    @GetMapping("/api/v1/programs/{programId}/partners")
    @Operation(summary = "A program's partners, newest first, each with their enrollment in it",
            description = "Filter with `status` (invited, pending, approved, rejected, suspended, banned, archived);"
                    + " page with `limit` (1–100, default 20) and `starting_after` (the last partner id of the previous page).")
    Page<PartnerView> list(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId,
            @Parameter(description = "only enrollments in this status") @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter) {
        EnrollmentStatus filter = null;
        if (status != null && !status.isBlank()) {
            try {
                filter = EnrollmentStatus.fromCode(status.trim());
            } catch (IllegalArgumentException unknown) {
                throw new InvalidRequestParameterException("status", "must be one of " + codes());
            }
        }
        return directory.members(key.workspaceId(), ProgramId.parse(programId), filter,
                        PageRequest.of(limit, startingAfter, PartnerId.PREFIX))
                .map(m -> PartnerView.of(m.partner(), m.enrollment(), null));
    }

    @PostMapping("/api/v1/enrollments/{id}/status")
    @Operation(summary = "Change an enrollment's status",
            description = "Only allowed transitions succeed (409 names the current status). `reason` is required for"
                    + " rejected, suspended and banned; approving a pending or rejected enrollment and rejecting"
                    + " email the partner.")
    EnrollmentView changeStatus(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody StatusBody body) {
        EnrollmentStatus to = body.status() == null || body.status().isBlank() ? null : parseStatus(body.status(), "status");
        return EnrollmentView.of(applications.changeStatus(key.workspaceId(), key.asActor(), EnrollmentId.parse(id), to,
                body.reason()));
    }

    @PostMapping("/api/v1/enrollments/{id}/tier")
    @Operation(summary = "Move an enrollment to another tier of its program")
    EnrollmentView moveTier(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody TierBody body) {
        EnrollmentId enrollment = EnrollmentId.parse(id);
        Enrollment current = partners.enrollment(key.workspaceId(), enrollment);
        TierId tier = tier(body.tierId(), "tierId");
        if (tier == null) {
            throw InvalidInputException.of("tierId", "validation.required", "is required");
        }
        requireTierOf(current, tier);
        return EnrollmentView.of(partners.moveTier(key.workspaceId(), key.asActor(), enrollment, tier, body.reason()));
    }

    @PostMapping("/api/v1/programs/{programId}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a person into the program by email",
            description = "The partner gets an `invited` enrollment in `tierId` (default tier if absent) and an email in"
                    + " `language` (en, es, pt, it, nb; the workspace's default if absent) with a link valid for 7 days.")
    PartnerView invite(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId,
            @RequestBody InvitationBody body) {
        Invitations.Enrolled invited = invitations.invite(key.workspaceId(), key.asActor(), ProgramId.parse(programId),
                body.email(), body.name(), tier(body.tierId(), "tierId"), language(body.language()));
        return PartnerView.of(invited.partner(), invited.enrollment(), null);
    }

    @GetMapping("/api/v1/programs/{programId}/applications")
    @Operation(summary = "The review queue: the program's pending applications, highest fit score first",
            description = "Each with its `fitScore` (0–100) and `fitReasons`; page with `limit` and `starting_after`"
                    + " (the last application id of the previous page).")
    Page<ApplicationView> queue(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId,
            @RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter) {
        return applications.queue(key.workspaceId(), ProgramId.parse(programId),
                PageRequest.of(limit, startingAfter, ApplicationId.PREFIX)).map(ApplicationView::of);
    }

    @PostMapping("/api/v1/applications/{id}/approve")
    @Operation(summary = "Approve an application, optionally into another tier; the applicant is emailed a sign-in link")
    ApplicationView approve(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody(required = false) ApproveBody body) {
        Applications.Reviewed reviewed = applications.get(key.workspaceId(), ApplicationId.parse(id));
        applications.approve(key.workspaceId(), key.asActor(), reviewed.enrollment().id(),
                body == null ? null : tier(body.tierId(), "tierId"), body == null ? null : body.reason());
        return ApplicationView.of(applications.get(key.workspaceId(), reviewed.application().id()));
    }

    @PostMapping("/api/v1/applications/{id}/reject")
    @Operation(summary = "Reject an application with a reason; the applicant is emailed the reason in their language")
    ApplicationView reject(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody(required = false) RejectBody body) {
        Applications.Reviewed reviewed = applications.get(key.workspaceId(), ApplicationId.parse(id));
        applications.reject(key.workspaceId(), key.asActor(), reviewed.enrollment().id(),
                body == null ? null : body.reason());
        return ApplicationView.of(applications.get(key.workspaceId(), reviewed.application().id()));
    }

    // a tier of another program is a wrong value in the body (422), not a missing resource
    private void requireTierOf(Enrollment enrollment, TierId tier) {
        if (programs.tiers(enrollment.workspaceId(), enrollment.programId()).stream().noneMatch(t -> t.id().equals(tier))) {
            throw InvalidInputException.of("tierId", "partner.error.tier", "is not a tier of this enrollment's program");
        }
    }

    private static TierId tier(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TierId.parse(value.trim());
        } catch (IllegalArgumentException malformed) {
            throw InvalidInputException.of(field, "partner.error.tier", malformed.getMessage());
        }
    }

    private static EnrollmentStatus parseStatus(String value, String field) {
        try {
            return EnrollmentStatus.fromCode(value.trim());
        } catch (IllegalArgumentException unknown) {
            throw InvalidInputException.of(field, "partner.error.status", "must be one of " + codes());
        }
    }

    /** A language tag from a request body; absent is null (the caller's default). */
    static Language language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        return Language.fromTag(tag.trim()).orElseThrow(() -> InvalidInputException.of("language",
                "partner.error.language", "must be one of en, es, pt, it, nb"));
    }

    private static String codes() {
        return String.join(", ", Arrays.stream(EnrollmentStatus.values()).map(EnrollmentStatus::code).toList());
    }
}
