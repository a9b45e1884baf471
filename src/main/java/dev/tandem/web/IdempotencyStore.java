package dev.tandem.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** The answers kept for Idempotency-Key retries, 24 hours each. */
@Repository
class IdempotencyStore {

    static final Duration KEPT = Duration.ofHours(24);
    /** A claim older than this belongs to a request that died; a retry may run again. */
    static final Duration ABANDONED = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A kept request: its body's hash and, once it finished, its answer (status null while in progress). */
    record Kept(byte[] requestHash, Integer status, String contentType, String body) {
    }

    Optional<Kept> find(WorkspaceId workspace, String key) {
        return jdbc.sql("select request_hash, status, content_type, response_body from idempotency_key"
                        + " where workspace_id = ? and key = ? and created_at > ?")
                .params(workspace.value(), key, Timestamp.from(clock.instant().minus(KEPT)))
                .query((rs, n) -> new Kept(rs.getBytes(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Claims the key for this request; false when another request holds a live claim or a kept answer. */
    boolean claim(WorkspaceId workspace, String key, byte[] requestHash) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("insert into idempotency_key (workspace_id, key, request_hash, created_at) values (?, ?, ?, ?)"
                        + " on conflict (workspace_id, key) do update set request_hash = excluded.request_hash,"
                        + " status = null, content_type = null, response_body = null, created_at = excluded.created_at"
                        + " where idempotency_key.created_at < ?"
                        + " or (idempotency_key.status is null and idempotency_key.created_at < ?)")
                .params(workspace.value(), key, requestHash, now, Timestamp.from(clock.instant().minus(KEPT)),
                        Timestamp.from(clock.instant().minus(ABANDONED)))
                .update() == 1;
    }

    void complete(WorkspaceId workspace, String key, int status, String contentType, String body) {
        jdbc.sql("update idempotency_key set status = ?, content_type = ?, response_body = ?"
                        + " where workspace_id = ? and key = ?")
                .params(status, contentType, body, workspace.value(), key)
                .update();
    }

    /** A request that failed on our side may be retried for real. */
    void release(WorkspaceId workspace, String key) {
        jdbc.sql("delete from idempotency_key where workspace_id = ? and key = ? and status is null")
                .params(workspace.value(), key)
                .update();
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
    void forgetOldAnswers() {
        jdbc.sql("delete from idempotency_key where created_at < ?")
                .param(Timestamp.from(clock.instant().minus(KEPT)))
                .update();
    }
}
