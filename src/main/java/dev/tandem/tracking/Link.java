package dev.tandem.tracking;

import java.net.URI;
import java.time.Instant;

import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;

/**
 * A partner's tracking link in one program. {@code destination} null means the program's default
 * destination at the time of each click; {@code isDefault} marks the link every approved partner
 * gets automatically.
 */
public record Link(WorkspaceId workspaceId, LinkId id, ProgramId programId, PartnerId partnerId, String slug,
        URI destination, String campaign, boolean isDefault, Instant disabledAt, Instant createdAt) {

    public boolean enabled() {
        return disabledAt == null;
    }
}
