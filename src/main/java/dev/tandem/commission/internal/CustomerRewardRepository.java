package dev.tandem.commission.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.commission.CustomerReward;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.CustomerId;
import dev.tandem.referral.ReferralId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customer rewards of double-sided programs, one per referral. */
@Repository
public class CustomerRewardRepository {

    private static final String COLUMNS = "workspace_id, id, referral_id, program_id, partner_id, customer_id,"
            + " description, created_at, honoured_at, honoured_by";

    private final JdbcClient jdbc;

    CustomerRewardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the reward unless the referral has one already. */
    public void insertOnce(CustomerReward r, UUID plan) {
        jdbc.sql("insert into customer_reward (" + COLUMNS + ", plan_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (workspace_id, referral_id) do nothing")
                .params(r.workspaceId().value(), r.id(), r.referralId().value(), r.programId().value(),
                        r.partnerId().value(), r.customerId().value(), r.description(), Timestamp.from(r.createdAt()),
                        null, null, plan)
                .update();
    }

    /** Newest first, before the id {@code before}; only those not honoured yet when {@code open}. */
    public List<CustomerReward> list(WorkspaceId workspace, boolean open, UUID before, int limit) {
        return jdbc.sql("select " + COLUMNS + " from customer_reward where workspace_id = ?"
                        + " and (not ? or honoured_at is null) and (?::uuid is null or id < ?) order by id desc limit ?")
                .params(workspace.value(), open, before, before, limit).query(CustomerRewardRepository::map).list();
    }

    public Optional<CustomerReward> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from customer_reward where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query(CustomerRewardRepository::map).optional();
    }

    /** False if it was honoured before. */
    public boolean honour(WorkspaceId workspace, UUID id, String by, Instant at) {
        return jdbc.sql("update customer_reward set honoured_at = ?, honoured_by = ? where workspace_id = ? and id = ?"
                        + " and honoured_at is null")
                .params(Timestamp.from(at), by, workspace.value(), id).update() == 1;
    }

    private static CustomerReward map(ResultSet rs, int row) throws SQLException {
        Timestamp honoured = rs.getTimestamp("honoured_at");
        return new CustomerReward(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getObject("id", UUID.class), new ReferralId(rs.getObject("referral_id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)), new PartnerId(rs.getObject("partner_id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)), rs.getString("description"),
                rs.getTimestamp("created_at").toInstant(), honoured == null ? null : honoured.toInstant(),
                rs.getString("honoured_by"));
    }
}
