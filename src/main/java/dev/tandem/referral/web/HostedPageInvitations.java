package dev.tandem.referral.web;

import dev.tandem.core.NotFoundException;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partner;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.program.Programs;
import dev.tandem.tracking.CodeKind;
import dev.tandem.tracking.Links;
import dev.tandem.tracking.ReferralCode;
import dev.tandem.tracking.TrackingLookup;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * Which invitation a hosted page address names: an active program, and an enabled referral code of
 * a partner approved in it. Anything else is "not found", the same whichever part is wrong, so the
 * page tells a visitor nothing about codes or partners that do not work.
 */
@Component
class HostedPageInvitations {

    private final Programs programs;
    private final Partners partners;
    private final TrackingLookup tracking;

    HostedPageInvitations(Programs programs, Partners partners, TrackingLookup tracking) {
        this.programs = programs;
        this.partners = partners;
        this.tracking = tracking;
    }

    /** A partner's invitation to a program, as the page shows it. */
    record Invitation(Program program, ReferralCode code, Partner partner) {

        public WorkspaceId workspace() {
            return program.workspaceId();
        }

        /** Only the first name: the page is public, the partner's full name is theirs to share. */
        public String partnerFirstName() {
            String name = partner.name() == null ? "" : partner.name().trim();
            return name.isEmpty() ? "" : name.split("\\s+")[0];
        }

        /** The page's own address, with the code as the partner has it. */
        public String path() {
            return Links.referralPagePath(program, code);
        }
    }

    Invitation open(String programSlug, String referralCode) {
        Program program = programs.findBySlug(programSlug).filter(Program::active)
                .orElseThrow(() -> new NotFoundException("no active program " + programSlug));
        ReferralCode code = tracking.code(program.workspaceId(), referralCode)
                .filter(c -> c.enabled() && c.kind() == CodeKind.REFERRAL && c.programId().equals(program.id()))
                .orElseThrow(() -> new NotFoundException("no referral code " + referralCode + " in " + programSlug));
        boolean approved = partners.enrollment(program.workspaceId(), program.id(), code.partnerId())
                .filter(e -> e.status() == EnrollmentStatus.APPROVED).isPresent();
        if (!approved) {
            throw new NotFoundException("the partner of " + referralCode + " is not approved in " + programSlug);
        }
        return new Invitation(program, code, partners.get(program.workspaceId(), code.partnerId()));
    }
}
