package dev.tandem.partner.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.partner.PartnerId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-use portal links: only the SHA-256 of each token is stored. */
@Repository
public class LoginTokenRepository {

    private final JdbcClient jdbc;

    LoginTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token's owner, once it has been used. */
    public record Used(WorkspaceId workspaceId, PartnerId partnerId, String purpose) {
    }

    public void insert(WorkspaceId workspace, PartnerId partner, byte[] tokenHash, String purpose, Instant expiresAt,
            Instant now) {
        jdbc.sql("insert into partner_login_token (workspace_id, id, partner_id, token_sha256, purpose, expires_at,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), Ids.newId(), partner.value(), tokenHash, purpose, Timestamp.from(expiresAt),
                        Timestamp.from(now))
                .update();
    }

    /** Marks the token used if it is unused and unexpired, in one statement: a link works exactly once. */
    public Optional<Used> use(byte[] tokenHash, Instant now) {
        return jdbc.sql("update partner_login_token set used_at = ? where token_sha256 = ? and used_at is null"
                        + " and expires_at > ? returning workspace_id, partner_id, purpose")
                .params(Timestamp.from(now), tokenHash, Timestamp.from(now))
                .query((rs, n) -> new Used(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        new PartnerId(rs.getObject("partner_id", UUID.class)), rs.getString("purpose")))
                .optional();
    }

    /** Whether the token exists, unused and unexpired (to show the confirm page without consuming it). */
    public boolean usable(byte[] tokenHash, Instant now) {
        return jdbc.sql("select exists (select 1 from partner_login_token where token_sha256 = ? and used_at is null"
                        + " and expires_at > ?)")
                .params(tokenHash, Timestamp.from(now)).query(Boolean.class).single();
    }

    /** Deletes links that expired before {@code before}: they can never be used, and keep nothing worth reading. */
    public int deleteExpired(Instant before) {
        return jdbc.sql("delete from partner_login_token where expires_at < ?").param(Timestamp.from(before)).update();
    }
}
