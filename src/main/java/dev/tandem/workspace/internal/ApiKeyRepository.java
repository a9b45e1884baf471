package dev.tandem.workspace.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.tandem.workspace.ApiKeyId;
import dev.tandem.workspace.StaffUserId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeyRepository {

    private static final String COLUMNS =
            "workspace_id, id, name, token_hint, scopes, created_at, last_used_at, revoked_at";
    /** How stale "last used" may get: one write a minute per key, not one per request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiKey key, byte[] tokenHash, StaffUserId createdBy) {
        jdbc.sql("insert into api_key (workspace_id, id, name, token_hash, token_hint, scopes, created_by, created_at)"
                        + " values (?, ?, ?, ?, ?, ?::text[], ?, ?)")
                .params(key.workspaceId().value(), key.id().value(), key.name(), tokenHash, key.hint(),
                        "{" + String.join(",", key.scopes()) + "}",
                        createdBy == null ? null : createdBy.value(), Timestamp.from(key.createdAt()))
                .update();
    }

    public Optional<ApiKey> findActiveByHash(byte[] tokenHash) {
        return jdbc.sql("select " + COLUMNS + " from api_key where token_hash = ? and revoked_at is null")
                .param(tokenHash)
                .query(ApiKeyRepository::map)
                .optional();
    }

    public List<ApiKey> list(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from api_key where workspace_id = ?"
                        + " order by revoked_at nulls first, created_at desc")
                .param(workspace.value())
                .query(ApiKeyRepository::map)
                .list();
    }

    public Optional<ApiKey> find(WorkspaceId workspace, ApiKeyId id) {
        return jdbc.sql("select " + COLUMNS + " from api_key where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(ApiKeyRepository::map)
                .optional();
    }

    /** Revokes an active key of this workspace; false if there is none. */
    public boolean revoke(WorkspaceId workspace, ApiKeyId id, Instant at) {
        return jdbc.sql("update api_key set revoked_at = ? where workspace_id = ? and id = ? and revoked_at is null")
                .params(Timestamp.from(at), workspace.value(), id.value())
                .update() == 1;
    }

    public void touch(WorkspaceId workspace, ApiKeyId id, Instant at) {
        jdbc.sql("update api_key set last_used_at = ? where workspace_id = ? and id = ?"
                        + " and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(at), workspace.value(), id.value(), Timestamp.from(at.minus(TOUCH_EVERY)))
                .update();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        Array scopes = rs.getArray("scopes");
        Set<String> scopeSet = new LinkedHashSet<>(List.of((String[]) scopes.getArray()));
        return new ApiKey(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new ApiKeyId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getString("token_hint"),
                Set.copyOf(scopeSet), instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
