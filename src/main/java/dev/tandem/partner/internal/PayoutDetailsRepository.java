package dev.tandem.partner.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.partner.PartnerId;
import dev.tandem.partner.PayoutDetailsSummary;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A partner's payout details: the method and masked summary in clear, everything else encrypted. */
@Repository
public class PayoutDetailsRepository {

    private final JdbcClient jdbc;

    PayoutDetailsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored row: the encrypted details with their clear method and summary. */
    public record Stored(String method, byte[] encrypted, String summary, Instant updatedAt) {
    }

    /** Replaces the partner's details (a partner has one way to be paid at a time). */
    public void save(WorkspaceId workspace, PartnerId partner, String method, byte[] encrypted, String summary,
            Instant at) {
        jdbc.sql("insert into payout_details (workspace_id, partner_id, method, encrypted, summary, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (workspace_id, partner_id) do update set"
                        + " method = excluded.method, encrypted = excluded.encrypted, summary = excluded.summary,"
                        + " updated_at = excluded.updated_at")
                .params(workspace.value(), partner.value(), method, encrypted, summary, Timestamp.from(at))
                .update();
    }

    public Optional<Stored> find(WorkspaceId workspace, PartnerId partner) {
        return jdbc.sql("select method, encrypted, summary, updated_at from payout_details"
                        + " where workspace_id = ? and partner_id = ?")
                .params(workspace.value(), partner.value())
                .query((rs, n) -> new Stored(rs.getString("method"), rs.getBytes("encrypted"), rs.getString("summary"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    public Optional<PayoutDetailsSummary> summary(WorkspaceId workspace, PartnerId partner) {
        return jdbc.sql("select partner_id, method, summary, updated_at from payout_details"
                        + " where workspace_id = ? and partner_id = ?")
                .params(workspace.value(), partner.value())
                .query((rs, n) -> new PayoutDetailsSummary(new PartnerId(rs.getObject("partner_id", UUID.class)),
                        rs.getString("method"), rs.getString("summary"), rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }
}
