package dev.tandem.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.core.Language;
import dev.tandem.core.ListRequest;
import dev.tandem.notification.Email;
import dev.tandem.notification.EmailId;
import dev.tandem.notification.EmailStatus;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code email_outbox} table: writing emails, reading them per workspace, and the senders' locks. */
@Repository
public class OutboxRepository {

    private static final String COLUMNS = "workspace_id, id, to_address, language, template, subject, body_html,"
            + " body_text, created_at, status, attempts, last_error, sent_at, next_attempt_at";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An email together with the workspace it belongs to, as the senders see it. */
    record Outgoing(WorkspaceId workspace, Email email) {
    }

    public void insert(WorkspaceId workspace, Email email) {
        jdbc.sql("insert into email_outbox (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), email.id().value(), email.to(), email.language().tag(), email.template(),
                        email.subject(), email.bodyHtml(), email.bodyText(), timestamp(email.createdAt()),
                        email.status().code(), email.attempts(), email.lastError(), timestamp(email.sentAt()),
                        timestamp(email.nextAttemptAt()))
                .update();
    }

    public Optional<Email> find(WorkspaceId workspace, EmailId id) {
        return jdbc.sql("select " + COLUMNS + " from email_outbox where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(OutboxRepository::email)
                .optional();
    }

    /** One page of the workspace's emails in the whitelisted order the request carries. */
    public List<Email> sorted(WorkspaceId workspace, ListRequest page) {
        return jdbc.sql("select " + COLUMNS + " from email_outbox where workspace_id = ? order by " + page.orderBy()
                        + " limit ? offset ?")
                .params(workspace.value(), page.size(), page.offset())
                .query(OutboxRepository::email)
                .list();
    }

    public long count(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from email_outbox where workspace_id = ?").params(workspace.value())
                .query(Long.class).single();
    }

    public Optional<Email> latestTo(WorkspaceId workspace, String to) {
        return jdbc.sql("select " + COLUMNS + " from email_outbox where workspace_id = ? and lower(to_address) = lower(?)"
                        + " order by id desc limit 1")
                .params(workspace.value(), to)
                .query(OutboxRepository::email)
                .optional();
    }

    /**
     * Locks this email if it is queued and due; empty if it is not, or if another sender holds it.
     * Call inside a transaction: the lock is what keeps two nodes from sending it twice.
     */
    Optional<Outgoing> lockIfDue(WorkspaceId workspace, EmailId id, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from email_outbox where workspace_id = ? and id = ?"
                        + " and status = 'queued' and next_attempt_at <= ? for update skip locked")
                .params(workspace.value(), id.value(), timestamp(now))
                .query(OutboxRepository::outgoing)
                .optional();
    }

    /** Locks up to {@code limit} due emails of any workspace, oldest due first, skipping those other senders hold. */
    List<Outgoing> lockDue(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from email_outbox where status = 'queued' and next_attempt_at <= ?"
                        + " order by next_attempt_at limit ? for update skip locked")
                .params(timestamp(now), limit)
                .query(OutboxRepository::outgoing)
                .list();
    }

    /** The copy to keep once the email is sent: the same email without its secrets. */
    public void keepRedacted(WorkspaceId workspace, EmailId id, String html, String text) {
        jdbc.sql("update email_outbox set redacted_html = ?, redacted_text = ? where workspace_id = ? and id = ?")
                .params(html, text, workspace.value(), id.value())
                .update();
    }

    /** Sent: from now on only the redacted copy (if any) is stored, so its secrets are gone from the database. */
    void markSent(WorkspaceId workspace, EmailId id, int attempts, Instant at) {
        jdbc.sql("update email_outbox set status = 'sent', attempts = ?, sent_at = ?, next_attempt_at = null,"
                        + " last_error = null, body_html = coalesce(redacted_html, body_html),"
                        + " body_text = coalesce(redacted_text, body_text), redacted_html = null, redacted_text = null"
                        + " where workspace_id = ? and id = ?")
                .params(attempts, timestamp(at), workspace.value(), id.value())
                .update();
    }

    /** Records a failed attempt: queued again for {@code nextAttemptAt}, or failed for good when that is null. */
    void markAttemptFailed(WorkspaceId workspace, EmailId id, int attempts, String error, Instant nextAttemptAt) {
        jdbc.sql("update email_outbox set status = ?, attempts = ?, last_error = ?, next_attempt_at = ?"
                        + " where workspace_id = ? and id = ?")
                .params(nextAttemptAt == null ? EmailStatus.FAILED.code() : EmailStatus.QUEUED.code(), attempts,
                        error, timestamp(nextAttemptAt), workspace.value(), id.value())
                .update();
    }

    private static Outgoing outgoing(ResultSet rs, int row) throws SQLException {
        return new Outgoing(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), email(rs, row));
    }

    private static Email email(ResultSet rs, int row) throws SQLException {
        return new Email(new EmailId(rs.getObject("id", UUID.class)), rs.getString("to_address"),
                Language.fromTag(rs.getString("language")).orElseThrow(), rs.getString("template"),
                rs.getString("subject"), rs.getString("body_html"), rs.getString("body_text"),
                instant(rs, "created_at"), EmailStatus.fromCode(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("last_error"), instant(rs, "sent_at"), instant(rs, "next_attempt_at"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
