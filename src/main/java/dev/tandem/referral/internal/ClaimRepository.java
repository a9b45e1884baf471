package dev.tandem.referral.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.core.ListRequest;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.ClaimId;
import dev.tandem.referral.ClaimStatus;
import dev.tandem.referral.Claims;
import dev.tandem.referral.ReferralClaim;
import dev.tandem.referral.ReferralId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Missing-referral claims, each read with its partner's and program's names. Decisions only change
 * a claim that is still submitted, so two managers deciding at once cannot both win.
 */
@Repository
public class ClaimRepository {

    private static final String SELECT = "select c.workspace_id, c.id, c.program_id, c.partner_id, c.customer_email,"
            + " c.customer_name, c.evidence, c.status, c.decision_reason, c.decided_by, c.decided_at, c.referral_id,"
            + " c.created_at, p.name as partner_name, g.name as program_name"
            + " from referral_claim c"
            + " join partner p on p.workspace_id = c.workspace_id and p.id = c.partner_id"
            + " join program g on g.workspace_id = c.workspace_id and g.id = c.program_id";

    private final JdbcClient jdbc;

    ClaimRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ReferralClaim c) {
        jdbc.sql("insert into referral_claim (workspace_id, id, program_id, partner_id, customer_email, customer_name,"
                        + " evidence, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.workspaceId().value(), c.id().value(), c.programId().value(), c.partnerId().value(),
                        c.customerEmail(), c.customerName(), c.evidence(), c.status().code(),
                        Timestamp.from(c.createdAt()))
                .update();
    }

    public Optional<Claims.Row> find(WorkspaceId workspace, ClaimId id) {
        return jdbc.sql(SELECT + " where c.workspace_id = ? and c.id = ?").params(workspace.value(), id.value())
                .query(ClaimRepository::row).optional();
    }

    /** Newest first, optionally in one status, after the claim {@code after}. */
    public List<Claims.Row> list(WorkspaceId workspace, ClaimStatus status, UUID after, int limit) {
        return jdbc.sql(SELECT + " where c.workspace_id = ? and (? = '' or c.status = ?)"
                        + " and (?::uuid is null or c.id < ?::uuid) order by c.id desc limit ?")
                .params(workspace.value(), status == null ? "" : status.code(), status == null ? "" : status.code(),
                        after, after, limit)
                .query(ClaimRepository::row).list();
    }

    /** The ones waiting for a decision, oldest first: the manager's queue. */
    public List<Claims.Row> submitted(WorkspaceId workspace, int limit) {
        return jdbc.sql(SELECT + " where c.workspace_id = ? and c.status = 'submitted' order by c.id limit ?")
                .params(workspace.value(), limit).query(ClaimRepository::row).list();
    }

    /** One page of the decided ones, in the whitelisted order the request carries. */
    public List<Claims.Row> decided(WorkspaceId workspace, ListRequest page) {
        return jdbc.sql(SELECT + " where c.workspace_id = ? and c.status <> 'submitted' order by " + page.orderBy()
                        + " limit ? offset ?")
                .params(workspace.value(), page.size(), page.offset()).query(ClaimRepository::row).list();
    }

    /** How many claims are decided. */
    public long countDecided(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from referral_claim where workspace_id = ? and status <> 'submitted'")
                .params(workspace.value()).query(Long.class).single();
    }

    public List<Claims.Row> ofPartner(WorkspaceId workspace, PartnerId partner, int limit) {
        return jdbc.sql(SELECT + " where c.workspace_id = ? and c.partner_id = ? order by c.id desc limit ?")
                .params(workspace.value(), partner.value(), limit).query(ClaimRepository::row).list();
    }

    /** Records a decision on a submitted claim; false when it was no longer submitted. */
    public boolean decide(WorkspaceId workspace, ClaimId id, ClaimStatus to, String reason, String decidedBy,
            Instant decidedAt, ReferralId referral) {
        return jdbc.sql("update referral_claim set status = ?, decision_reason = ?, decided_by = ?, decided_at = ?,"
                        + " referral_id = ? where workspace_id = ? and id = ? and status = 'submitted'")
                .params(to.code(), reason, decidedBy, Timestamp.from(decidedAt),
                        Rows.value(referral), workspace.value(), id.value())
                .update() == 1;
    }

    private static Claims.Row row(ResultSet rs, int n) throws SQLException {
        UUID referral = rs.getObject("referral_id", UUID.class);
        ReferralClaim claim = new ReferralClaim(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new ClaimId(rs.getObject("id", UUID.class)), new ProgramId(rs.getObject("program_id", UUID.class)),
                new PartnerId(rs.getObject("partner_id", UUID.class)), rs.getString("customer_email"),
                rs.getString("customer_name"), rs.getString("evidence"),
                ClaimStatus.fromCode(rs.getString("status")).orElseThrow(), rs.getString("decision_reason"),
                rs.getString("decided_by"), Rows.instant(rs, "decided_at"),
                referral == null ? null : new ReferralId(referral), rs.getTimestamp("created_at").toInstant());
        return new Claims.Row(claim, rs.getString("partner_name"), rs.getString("program_name"));
    }
}
