package dev.tandem.workspace;

import java.time.Instant;

import dev.tandem.core.Language;

/** A tenant: everything in Tandem belongs to exactly one workspace. */
public record Workspace(WorkspaceId id, String name, Language defaultLanguage, Instant createdAt) {
}
