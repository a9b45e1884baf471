package dev.tandem.workspace.internal;

import java.time.Instant;
import java.util.Set;

import dev.tandem.workspace.ApiKeyId;
import dev.tandem.workspace.WorkspaceId;

/** An API key as stored: never its secret, only the secret's hash and a hint to recognise it by. */
public record ApiKey(WorkspaceId workspaceId, ApiKeyId id, String name, String hint, Set<String> scopes,
        Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
