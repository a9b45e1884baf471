package dev.tandem.notification;

import java.time.Instant;

import dev.tandem.core.Language;

/**
 * One email as written to the outbox: rendered once, in the recipient's language, and never
 * changed afterwards except for its delivery state.
 *
 * @param nextAttemptAt when the senders try (again); null unless {@code QUEUED}
 */
public record Email(EmailId id, String to, Language language, String template, String subject, String bodyHtml,
        String bodyText, Instant createdAt, EmailStatus status, int attempts, String lastError, Instant sentAt,
        Instant nextAttemptAt) {
}
