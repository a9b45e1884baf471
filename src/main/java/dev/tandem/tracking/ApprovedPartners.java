package dev.tandem.tracking;

import dev.tandem.core.ConflictException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * Links and codes are only made for partners approved in the program: a pending, suspended or
 * banned partner gets nothing new (what they already have stays, and says whose it was).
 */
@Component
class ApprovedPartners {

    private final Programs programs;
    private final Partners partners;

    ApprovedPartners(Programs programs, Partners partners) {
        this.programs = programs;
        this.partners = partners;
    }

    /** The program and partner when the partner is approved in it; unknown ids are 404, anything else a field problem. */
    Member require(WorkspaceId workspace, ProgramId programId, PartnerId partnerId) {
        Program program = programs.get(workspace, programId);
        Partner partner = partners.get(workspace, partnerId);
        EnrollmentStatus status = partners.enrollment(workspace, programId, partnerId).map(Enrollment::status)
                .orElse(null);
        if (status == null) {
            throw InvalidInputException.of("partnerId", "tracking.error.notInProgram",
                    "is not a partner of this program");
        }
        if (status != EnrollmentStatus.APPROVED) {
            throw InvalidInputException.of("partnerId", "tracking.error.notApproved",
                    "is not approved in this program (the enrollment is " + status.code() + ")");
        }
        if (!program.active()) {
            throw new ConflictException("the program " + program.name() + " is archived");
        }
        return new Member(program, partner);
    }

    /** Whether the partner is approved in the program right now. */
    boolean approved(WorkspaceId workspace, ProgramId program, PartnerId partner) {
        return partners.enrollment(workspace, program, partner).map(e -> e.status() == EnrollmentStatus.APPROVED)
                .orElse(false);
    }

    record Member(Program program, Partner partner) {
    }
}
