package dev.tandem.workspace.internal;

import java.time.Instant;

import dev.tandem.core.Language;
import dev.tandem.workspace.Role;
import dev.tandem.workspace.StaffUserId;
import dev.tandem.workspace.WorkspaceId;

/** A staff account as stored; {@code language} null means the browser's language is used. */
public record StaffUser(WorkspaceId workspaceId, StaffUserId id, String email, String name, Role role,
        String passwordHash, Language language, Instant createdAt, Instant disabledAt) {

    public boolean active() {
        return disabledAt == null;
    }
}
