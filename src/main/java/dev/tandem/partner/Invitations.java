package dev.tandem.partner;

import java.util.HashMap;
import java.util.Map;

import dev.tandem.core.ConflictException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Language;
import dev.tandem.notification.Emails;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.Tier;
import dev.tandem.program.TierId;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import dev.tandem.workspace.Workspaces;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outbound recruitment: a manager invites a person by email (pre-approved into a chosen tier; they
 * become a partner by following the link), or an integrator adds a partner directly.
 */
@Service
public class Invitations {

    private final Partners partners;
    private final Programs programs;
    private final PortalLinks portalLinks;
    private final Emails emails;
    private final Workspaces workspaces;

    Invitations(Partners partners, Programs programs, PortalLinks portalLinks, Emails emails, Workspaces workspaces) {
        this.partners = partners;
        this.programs = programs;
        this.portalLinks = portalLinks;
        this.emails = emails;
        this.workspaces = workspaces;
    }

    /** The partner and their (new) enrollment. */
    public record Enrolled(Partner partner, Enrollment enrollment) {
    }

    /**
     * Invites a person to the program: the partner (created unless the email already is one) gets an
     * INVITED enrollment in {@code tier} (null: the default tier) and an email, in {@code language}
     * (null: the workspace's default), with a link into the portal that works for seven days.
     *
     * @throws InvalidInputException naming {@code email}, {@code name} or {@code tierId}
     * @throws ConflictException if the person is already in the program or the program is archived
     */
    @Transactional
    public Enrolled invite(WorkspaceId workspace, Actor by, ProgramId programId, String email, String name,
            TierId tier, Language language) {
        Program program = openProgram(workspace, programId);
        Tier chosen = partners.tierOf(workspace, programId, tier, "tierId");
        Language lang = language != null ? language : workspaces.get(workspace).defaultLanguage();
        Partner partner = partners.findOrCreate(workspace,
                new Partners.NewPartner(email, name, null, null, null, null, lang, null));
        Enrollment enrollment = partners.enroll(workspace, by, programId, partner.id(), chosen.id(),
                EnrollmentStatus.INVITED, "invited by " + by.name());
        String link = portalLinks.issue(workspace, partner.id(), PortalLinks.Purpose.INVITATION);
        Map<String, Object> model = new HashMap<>();
        model.put(Emails.BRAND, program.name());
        model.put("partnerName", partner.name());
        model.put("inviterName", by.name());
        model.put("programName", program.name());
        model.put("tierName", chosen.name());
        model.put("proposal", program.commissionSummary());
        model.put("link", new Emails.Secret(link));
        model.put("days", PortalLinks.INVITATION_VALIDITY.toDays());
        emails.send(workspace, partner.email(), lang, "invitation", model);
        return new Enrolled(partner, enrollment);
    }

    /**
     * Adds a partner to the program directly, as an integrator does through the API: approved (the
     * default) or pending review, in {@code tier} (null: the default tier). No email is sent.
     *
     * @throws InvalidInputException naming {@code email}, {@code name}, {@code tier} or {@code status}
     * @throws ConflictException if the person is already in the program or the program is archived
     */
    @Transactional
    public Enrolled add(WorkspaceId workspace, Actor by, ProgramId programId, Partners.NewPartner details, TierId tier,
            EnrollmentStatus status) {
        openProgram(workspace, programId);
        Tier chosen = partners.tierOf(workspace, programId, tier, "tier");
        EnrollmentStatus initial = status == null ? EnrollmentStatus.APPROVED : status;
        if (initial != EnrollmentStatus.APPROVED && initial != EnrollmentStatus.PENDING) {
            throw InvalidInputException.of("status", "partner.error.initialStatus", "must be approved or pending");
        }
        Partner partner = partners.findOrCreate(workspace, details);
        Enrollment enrollment = partners.enroll(workspace, by, programId, partner.id(), chosen.id(), initial,
                "added by " + by.name());
        return new Enrolled(partner, enrollment);
    }

    private Program openProgram(WorkspaceId workspace, ProgramId id) {
        Program program = programs.get(workspace, id);
        if (!program.active()) {
            throw new ConflictException("the program " + program.name() + " is archived and takes no new partners");
        }
        return program;
    }
}
