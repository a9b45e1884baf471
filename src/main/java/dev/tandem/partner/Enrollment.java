package dev.tandem.partner;

import java.time.Instant;

import dev.tandem.program.ProgramId;
import dev.tandem.program.TierId;
import dev.tandem.workspace.WorkspaceId;

/** A partner's place in one program: its tier and its status, with the reason for the last change. */
public record Enrollment(WorkspaceId workspaceId, EnrollmentId id, ProgramId programId, PartnerId partnerId,
        TierId tierId, EnrollmentStatus status, String statusReason, PartnerId introducedBy, Instant createdAt,
        Instant updatedAt) {
}
