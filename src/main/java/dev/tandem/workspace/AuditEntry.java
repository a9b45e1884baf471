package dev.tandem.workspace;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit log: who did what to which thing, when and from where. */
public record AuditEntry(UUID id, Instant occurredAt, Actor actor, String action, String subject, String details,
        String ip) {
}
