package dev.tandem.partner;

import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;

/** An enrollment changed status (e.g. approved, rejected); other modules react (emails, webhooks). */
public record EnrollmentStatusChanged(WorkspaceId workspaceId, EnrollmentId enrollmentId, ProgramId programId,
        PartnerId partnerId, EnrollmentStatus from, EnrollmentStatus to, String reason) {
}
