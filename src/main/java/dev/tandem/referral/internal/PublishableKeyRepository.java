package dev.tandem.referral.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.tandem.program.ProgramId;
import dev.tandem.referral.PublishableKey;
import dev.tandem.referral.PublishableKeyId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Publishable keys in the database; the public endpoint finds them by the key itself, whatever the workspace. */
@Repository
public class PublishableKeyRepository {

    private static final String COLUMNS = "workspace_id, id, program_id, key, allowed_origins, created_at, revoked_at";

    private final JdbcClient jdbc;

    PublishableKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PublishableKey k) {
        jdbc.sql("insert into publishable_key (" + COLUMNS + ") values (?, ?, ?, ?, ?::text[], ?, ?)")
                .params(k.workspaceId().value(), k.id().value(), k.programId().value(), k.key(),
                        array(k.allowedOrigins()), Timestamp.from(k.createdAt()), Rows.ts(k.revokedAt()))
                .update();
    }

    public void setAllowedOrigins(WorkspaceId workspace, PublishableKeyId id, List<String> origins) {
        jdbc.sql("update publishable_key set allowed_origins = ?::text[] where workspace_id = ? and id = ?")
                .params(array(origins), workspace.value(), id.value())
                .update();
    }

    /** False when the key was already revoked (or is not there). */
    public boolean revoke(WorkspaceId workspace, PublishableKeyId id, Instant at) {
        return jdbc.sql("update publishable_key set revoked_at = ? where workspace_id = ? and id = ? and revoked_at is null")
                .params(Timestamp.from(at), workspace.value(), id.value())
                .update() == 1;
    }

    public Optional<PublishableKey> find(WorkspaceId workspace, PublishableKeyId id) {
        return jdbc.sql("select " + COLUMNS + " from publishable_key where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(PublishableKeyRepository::map)
                .optional();
    }

    public Optional<PublishableKey> findActiveByKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from publishable_key where key = ? and revoked_at is null")
                .param(key)
                .query(PublishableKeyRepository::map)
                .optional();
    }

    /** Active keys first, newest first. */
    public List<PublishableKey> list(WorkspaceId workspace, ProgramId program) {
        return jdbc.sql("select " + COLUMNS + " from publishable_key where workspace_id = ? and program_id = ?"
                        + " order by revoked_at nulls first, created_at desc")
                .params(workspace.value(), program.value())
                .query(PublishableKeyRepository::map)
                .list();
    }

    /** Whether any active key of any workspace lists this (normalised) origin: all a CORS preflight can ask. */
    public boolean anyActiveAllows(String origin) {
        return jdbc.sql("select exists (select 1 from publishable_key where revoked_at is null and ? = any (allowed_origins))")
                .param(origin)
                .query(Boolean.class)
                .single();
    }

    private static String array(List<String> values) {
        // origins are normalised before they get here: no commas, quotes, braces or spaces to escape
        return "{" + String.join(",", values) + "}";
    }

    private static PublishableKey map(ResultSet rs, int row) throws SQLException {
        Array origins = rs.getArray("allowed_origins");
        return new PublishableKey(new WorkspaceId(Rows.uuid(rs, "workspace_id")),
                new PublishableKeyId(Rows.uuid(rs, "id")), new ProgramId(Rows.uuid(rs, "program_id")), rs.getString("key"),
                origins == null ? List.of() : List.of((String[]) origins.getArray()),
                rs.getTimestamp("created_at").toInstant(), Rows.instant(rs, "revoked_at"));
    }
}
