package dev.tandem.partner;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tandem.core.ConflictException;
import dev.tandem.core.Ids;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.internal.AcceptanceRepository;
import dev.tandem.partner.internal.PartnerRepository;
import dev.tandem.program.AgreementVersion;
import dev.tandem.program.AgreementVersionId;
import dev.tandem.program.Agreements;
import dev.tandem.program.Programs;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners accepting their program's agreement. Each acceptance records the enrollment, the
 * version, the SHA-256 of its exact text, the time, the IP address and the browser. Whether an
 * acceptance is pending is computed (the version in force for the enrollment's tier against the
 * acceptances), so publishing a new version needs no bookkeeping here.
 */
@Service
public class AgreementAcceptances {

    private static final int USER_AGENT_MAX = 500;

    private final AcceptanceRepository acceptances;
    private final PartnerRepository partners;
    private final Agreements agreements;
    private final Programs programs;
    private final Onboarding onboarding;
    private final AuditLog audit;
    private final Clock clock;

    AgreementAcceptances(AcceptanceRepository acceptances, PartnerRepository partners, Agreements agreements,
            Programs programs, Onboarding onboarding, AuditLog audit, Clock clock) {
        this.acceptances = acceptances;
        this.partners = partners;
        this.agreements = agreements;
        this.programs = programs;
        this.onboarding = onboarding;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where the enrollment stands with the agreement in force for its tier. */
    public AcceptanceStatus status(WorkspaceId workspace, Enrollment enrollment) {
        Optional<AgreementVersion> current = agreements.current(workspace, enrollment.programId(), enrollment.tierId());
        List<Acceptance> history = acceptances.ofEnrollment(workspace, enrollment.id());
        Acceptance latest = history.isEmpty() ? null : history.get(0);
        boolean acceptedCurrent = current.isPresent()
                && history.stream().anyMatch(a -> a.agreementVersionId().equals(current.get().id()));
        Integer latestVersion = latest == null ? null
                : current.filter(v -> v.id().equals(latest.agreementVersionId())).map(AgreementVersion::version)
                        .orElseGet(() -> agreements.get(workspace, latest.agreementVersionId()).version());
        return new AcceptanceStatus(enrollment, programs.get(workspace, enrollment.programId()).name(),
                programs.tier(workspace, enrollment.programId(), enrollment.tierId()).name(), current.orElse(null),
                latest, latestVersion, acceptedCurrent);
    }

    /** The status of each program the partner is approved in. */
    public List<AcceptanceStatus> statuses(WorkspaceId workspace, PartnerId partner) {
        return partners.enrollmentsOf(workspace, partner).stream()
                .filter(e -> e.status() == EnrollmentStatus.APPROVED)
                .map(e -> status(workspace, e)).toList();
    }

    /** The programs whose agreement in force the partner has not accepted yet. */
    public List<AcceptanceStatus> pending(WorkspaceId workspace, PartnerId partner) {
        return statuses(workspace, partner).stream().filter(AcceptanceStatus::pending).toList();
    }

    /**
     * Records that the partner accepted {@code version} for this enrollment. It must still be the
     * version in force: if a newer one was published while they read, they must read that one.
     * Accepting the same version twice keeps the first acceptance.
     */
    @Transactional
    public Acceptance accept(PartnerPrincipal who, EnrollmentId enrollmentId, AgreementVersionId version, String ip,
            String userAgent) {
        Enrollment enrollment = ownEnrollment(who, enrollmentId);
        if (enrollment.status() != EnrollmentStatus.APPROVED) {
            throw new ConflictException("only approved partners accept the agreement; this enrollment is "
                    + enrollment.status().code());
        }
        AgreementVersion current = agreements.current(who.workspaceId(), enrollment.programId(), enrollment.tierId())
                .orElseThrow(() -> new ConflictException("this program has no agreement to accept"));
        if (!current.id().equals(version)) {
            throw new ConflictException("a newer version of the agreement (version " + current.version()
                    + ") is in force; read and accept that one");
        }
        Acceptance stored = acceptances.insertOrGet(new Acceptance(who.workspaceId(),
                new AcceptanceId(Ids.newId()), enrollmentId, who.partnerId(), current.id(), current.textSha256(),
                clock.instant(), ip, userAgent == null ? null
                        : userAgent.substring(0, Math.min(userAgent.length(), USER_AGENT_MAX))));
        audit.record(who.workspaceId(), who.asActor(), "agreement.accepted", stored.id().toString(),
                Map.of("enrollment", enrollmentId.toString(), "program", enrollment.programId().toString(),
                        "version", current.version(), "textSha256", current.textHash()));
        onboarding.systemDone(who.workspaceId(), enrollmentId, OnboardingStepKind.ACCEPT_AGREEMENT);
        return stored;
    }

    /** One of the partner's own acceptances; another partner's looks exactly like one that does not exist. */
    public Acceptance get(PartnerPrincipal who, AcceptanceId id) {
        return acceptances.find(who.workspaceId(), id).filter(a -> a.partnerId().equals(who.partnerId()))
                .orElseThrow(() -> new NotFoundException("no acceptance " + id));
    }

    /** An acceptance, for staff of the workspace. */
    public Acceptance get(WorkspaceId workspace, AcceptanceId id) {
        return acceptances.find(workspace, id).orElseThrow(() -> new NotFoundException("no acceptance " + id));
    }

    /** The enrollment's acceptances, newest first (for the partner's own enrollments only). */
    public List<Acceptance> history(PartnerPrincipal who, EnrollmentId enrollmentId) {
        ownEnrollment(who, enrollmentId);
        return acceptances.ofEnrollment(who.workspaceId(), enrollmentId);
    }

    /** The enrollment's acceptances, newest first, for staff of the workspace. */
    public List<Acceptance> history(WorkspaceId workspace, EnrollmentId enrollmentId) {
        return acceptances.ofEnrollment(workspace, enrollmentId);
    }

    /** The partner's enrollment; another partner's looks exactly like one that does not exist. */
    public Enrollment ownEnrollment(PartnerPrincipal who, EnrollmentId id) {
        return partners.findEnrollment(who.workspaceId(), id).filter(e -> e.partnerId().equals(who.partnerId()))
                .orElseThrow(() -> new NotFoundException("no enrollment " + id));
    }
}
