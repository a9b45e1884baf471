package dev.tandem.partner;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tandem.core.ConflictException;
import dev.tandem.core.Ids;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Language;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.core.InvalidRequestParameterException;
import dev.tandem.notification.Emails;
import dev.tandem.partner.internal.ApplicationRepository;
import dev.tandem.partner.internal.PartnerRepository;
import dev.tandem.program.AgreementVersion;
import dev.tandem.program.Agreements;
import dev.tandem.program.ApplicantProfile;
import dev.tandem.program.ApplicationForms;
import dev.tandem.program.FitScore;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.QuestionId;
import dev.tandem.program.Tier;
import dev.tandem.program.TierId;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications and vetting: a person applies on a program's public page and gets a fit score with
 * its reasons; the program's auto-approval rules or a reviewer approve (into a tier) or reject (with
 * a reason the applicant is told, in their language). One application per person and program.
 */
@Service
public class Applications {

    private final Partners partners;
    private final Programs programs;
    private final ApplicationForms forms;
    private final Agreements agreements;
    private final PortalLinks portalLinks;
    private final Emails emails;
    private final ApplicationRepository repository;
    private final SubmissionCheck check;
    private final Clock clock;

    Applications(Partners partners, Programs programs, ApplicationForms forms, Agreements agreements,
            PortalLinks portalLinks, Emails emails, ApplicationRepository repository, PartnerRepository partnerRows,
            Clock clock) {
        this.partners = partners;
        this.programs = programs;
        this.forms = forms;
        this.agreements = agreements;
        this.portalLinks = portalLinks;
        this.emails = emails;
        this.repository = repository;
        this.check = new SubmissionCheck(forms, partners, partnerRows);
        this.clock = clock;
    }

    /**
     * What an applicant fills in. Only name, email, the plan, one reference and (when the program
     * has terms) their acceptance are always required; the profile fields are required when the
     * program's ideal profile judges them, custom answers when the manager made them required.
     */
    public record Submission(String name, String email, String phone, String company, String website, String plan,
            List<String> referrals, String industry, String companySize, String audience, String region,
            Map<QuestionId, String> answers, boolean termsAccepted) {
    }

    /** Where a submission came from: the client's address and browser, the page's language, an invite code. */
    public record Origin(String ip, String userAgent, Language language, String viaCode) {
    }

    /** The stored application, the new enrollment, and whether the program's rules approved it at once. */
    public record Submitted(Application application, Enrollment enrollment, boolean autoApproved) {
    }

    /** An application with its applicant and where their enrollment stands now. */
    public record Reviewed(Application application, Partner partner, Enrollment enrollment) {
    }

    /** The program behind a public application page, if it takes applications (exists and is not archived). */
    public Program openProgram(String slug) {
        return programs.findBySlug(slug).filter(Program::active)
                .orElseThrow(() -> new NotFoundException("no program " + slug));
    }

    /** The terms an applicant accepts: those of the tier new partners join, else the program's. */
    public Optional<AgreementVersion> terms(Program program) {
        return agreements.current(program.workspaceId(), program.id(),
                programs.defaultTier(program.workspaceId(), program.id()).id());
    }

    /**
     * Stores an application to the program and emails the applicant.
     *
     * @throws NotFoundException if the program is archived
     * @throws InvalidInputException naming every invalid field (a second application with the same
     *         email is one of them, on {@code email}, code {@code apply.error.duplicate})
     */
    @Transactional
    public Submitted submit(Program program, Submission form, Origin origin) {
        if (!program.active()) {
            throw new NotFoundException("no program " + program.slug());
        }
        WorkspaceId workspace = program.workspaceId();
        Optional<AgreementVersion> terms = terms(program);
        SubmissionCheck.Checked checked = check.check(program, form, terms.isPresent());

        PartnerId introducer = partners.byInviteCode(origin.viaCode())
                .filter(p -> p.workspaceId().equals(workspace) && !p.email().equals(checked.email()))
                .map(Partner::id).orElse(null);
        Language language = origin.language() == null ? Language.EN : origin.language();
        Partner partner = partners.findOrCreate(workspace, new Partners.NewPartner(checked.email(), checked.name(),
                checked.phone(), checked.company(), checked.website(),
                new Partner.Profile(checked.industry(), checked.companySize(), checked.audience(), checked.region()),
                language, introducer));
        Actor applicant = new Actor(Actor.Kind.PARTNER, partner.id().value(), partner.name());
        Enrollment enrollment;
        try {
            enrollment = partners.enroll(workspace, applicant, program.id(), partner.id(), null,
                    EnrollmentStatus.PENDING, "application submitted");
        } catch (ConflictException appliedMeanwhile) {
            throw SubmissionCheck.duplicate();
        }

        FitScore fit = forms.score(workspace, program.id(), new ApplicantProfile(checked.industry(),
                checked.companySize(), checked.audience(), checked.region(), checked.answers()));
        Application application = new Application(workspace, new ApplicationId(Ids.newId()), enrollment.id(),
                program.id(), partner.id(), clock.instant(), checked.plan(), checked.referrals(),
                checked.answerList(), fit.score(), fit.reasons(), terms.map(AgreementVersion::id).orElse(null),
                cut(origin.ip(), 100), cut(origin.userAgent(), 500));
        repository.insert(application);

        Program.AutoApproval rules = program.autoApproval();
        boolean judged = !fit.reasons().isEmpty();
        if (rules.enabled() && rules.approves(fit.score(), judged, checked.email())) {
            Enrollment approved = partners.transition(workspace, Actor.system(), enrollment.id(),
                    EnrollmentStatus.APPROVED, autoApprovalReason(rules, fit.score(), judged, checked.email()));
            sendApproved(program, partner, language);
            return new Submitted(application, approved, true);
        }
        emails.send(workspace, partner.email(), language, "application-received",
                Map.of(Emails.BRAND, program.name(), "programName", program.name()));
        return new Submitted(application, enrollment, false);
    }

    /**
     * Approves an enrollment (usually a pending application), first moving it into {@code tier}
     * when one is given, and emails the partner a sign-in link in their language.
     *
     * @throws ConflictException naming the current status when it cannot become approved
     * @throws InvalidInputException on {@code tierId} when the tier is not one of the program's
     */
    @Transactional
    public Enrollment approve(WorkspaceId workspace, Actor by, EnrollmentId id, TierId tier, String reason) {
        Enrollment current = partners.enrollment(workspace, id);
        // approving decides an application; it must not quietly lift a suspension or an archive
        if (current.status() != EnrollmentStatus.PENDING && current.status() != EnrollmentStatus.REJECTED) {
            throw new ConflictException("only a pending or rejected application can be approved; this one is "
                    + current.status().code());
        }
        if (tier != null && !tier.equals(current.tierId())) {
            Tier chosen = partners.tierOf(workspace, current.programId(), tier, "tierId");
            partners.moveTier(workspace, by, id, chosen.id(), "approved into " + chosen.name());
        }
        Enrollment approved = partners.transition(workspace, by, id, EnrollmentStatus.APPROVED,
                text(reason).isEmpty() ? "application approved" : text(reason));
        Partner partner = partners.get(workspace, approved.partnerId());
        sendApproved(programs.get(workspace, approved.programId()), partner, partner.language());
        return approved;
    }

    /**
     * Rejects an application; the reason is required because the applicant is told it, in their language.
     *
     * @throws InvalidInputException on {@code reason} when it is blank or too long
     * @throws ConflictException naming the current status when it cannot become rejected
     */
    @Transactional
    public Enrollment reject(WorkspaceId workspace, Actor by, EnrollmentId id, String reason) {
        String why = requiredReason(reason);
        Enrollment rejected = partners.transition(workspace, by, id, EnrollmentStatus.REJECTED, why);
        Partner partner = partners.get(workspace, rejected.partnerId());
        Program program = programs.get(workspace, rejected.programId());
        emails.send(workspace, partner.email(), partner.language(), "application-rejected",
                Map.of(Emails.BRAND, program.name(), "partnerName", partner.name(), "programName", program.name(),
                        "reason", why));
        return rejected;
    }

    /**
     * A staff decision on an enrollment: approving a pending or rejected one and rejecting tell the
     * partner (as {@link #approve} and {@link #reject}); rejecting, suspending and banning need a reason.
     */
    @Transactional
    public Enrollment changeStatus(WorkspaceId workspace, Actor by, EnrollmentId id, EnrollmentStatus to,
            String reason) {
        if (to == null) {
            throw InvalidInputException.of("status", "validation.required", "is required");
        }
        Enrollment current = partners.enrollment(workspace, id);
        return switch (to) {
            case REJECTED -> reject(workspace, by, id, reason);
            case APPROVED -> current.status() == EnrollmentStatus.PENDING || current.status() == EnrollmentStatus.REJECTED
                    ? approve(workspace, by, id, null, reason)
                    : partners.transition(workspace, by, id, to, text(reason));
            case SUSPENDED, BANNED -> partners.transition(workspace, by, id, to, requiredReason(reason));
            default -> partners.transition(workspace, by, id, to, text(reason));
        };
    }

    /** The review queue: the program's pending applications, highest fit score first. */
    public Page<Reviewed> queue(WorkspaceId workspace, ProgramId program, PageRequest page) {
        programs.get(workspace, program);
        ApplicationId after = page.startingAfter() == null ? null : new ApplicationId(page.startingAfter());
        if (after != null && repository.find(workspace, after).filter(r -> r.application().programId().equals(program))
                .isEmpty()) {
            throw new InvalidRequestParameterException("starting_after", "is not an application of this program");
        }
        return Page.fromOverfetch(repository.queue(workspace, program, after, page.fetchSize()), page);
    }

    /** @throws NotFoundException if the workspace has no such application (another workspace's looks the same) */
    public Reviewed get(WorkspaceId workspace, ApplicationId id) {
        return repository.find(workspace, id).orElseThrow(() -> new NotFoundException("no application " + id));
    }

    /** The application that created this enrollment, if it came from one (not from an invitation or the API). */
    public Optional<Application> ofEnrollment(WorkspaceId workspace, EnrollmentId enrollment) {
        return repository.findByEnrollment(workspace, enrollment);
    }

    private void sendApproved(Program program, Partner partner, Language language) {
        String link = portalLinks.issue(program.workspaceId(), partner.id(), PortalLinks.Purpose.WELCOME);
        Map<String, Object> model = new HashMap<>();
        model.put(Emails.BRAND, program.name());
        model.put("partnerName", partner.name());
        model.put("programName", program.name());
        model.put("link", new Emails.Secret(link));
        model.put("days", PortalLinks.WELCOME_VALIDITY.toDays());
        model.put("portalUrl", portalLinks.portalUrl());
        emails.send(program.workspaceId(), partner.email(), language, "application-approved", model);
    }

    private static String requiredReason(String reason) {
        String why = text(reason);
        if (why.isEmpty()) {
            throw InvalidInputException.of("reason", "validation.required", "is required");
        }
        if (why.length() > 1000) {
            throw InvalidInputException.of("reason", "validation.tooLong", "is too long (1000 characters at most)");
        }
        return why;
    }

    private static String autoApprovalReason(Program.AutoApproval rules, int score, boolean judged, String email) {
        if (rules.approvesByScore(score, judged)) {
            return "auto-approved: fit score " + score + " is at least " + rules.minScore();
        }
        return "auto-approved: email domain " + email.substring(email.indexOf('@') + 1) + " is on the list";
    }

    private static String cut(String value, int max) {
        return value == null ? null : value.length() <= max ? value : value.substring(0, max);
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
