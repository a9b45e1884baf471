package dev.tandem.tracking;

import java.time.Instant;

import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;

/** A code that names a partner without a click: unique per workspace, matched whatever its case. */
public record ReferralCode(WorkspaceId workspaceId, CodeId id, ProgramId programId, PartnerId partnerId, String code,
        CodeKind kind, String description, Instant disabledAt, Instant createdAt) {

    public boolean enabled() {
        return disabledAt == null;
    }
}
