package dev.tandem.insight.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One partner's own figures for the portal's home: only rows of that partner in that workspace are
 * ever read, each through an index that starts with the workspace.
 */
@Repository
public class PartnerFigures {

    private final JdbcClient jdbc;

    PartnerFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the next payout of a program would pay in one currency: approved cash commissions not yet
     * in a payout; {@code nextRunAt} null when the program has no schedule (paid when the business runs one).
     */
    public record NextPayout(ProgramId programId, Money amount, Instant nextRunAt) {
    }

    /** The partner's referrals per status (lead, qualified, customer, churned, lost), only those present. */
    public Map<String, Long> referralsByStatus(WorkspaceId workspace, PartnerId partner) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) from referral where workspace_id = ? and partner_id = ? group by status"
                        + " order by array_position(array['lead', 'qualified', 'customer', 'churned', 'lost'], status)")
                .params(workspace.value(), partner.value())
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Cash commissions that still count (reversals and clawbacks net them), from {@code since}, per currency. */
    public List<Money> earnedSince(WorkspaceId workspace, PartnerId partner, Instant since, Instant to) {
        return jdbc.sql("select currency, sum(amount) from commission where workspace_id = ? and occurred_at >= ?"
                        + " and occurred_at < ? and partner_id = ? and reward_kind = 'cash'"
                        + " and status in ('pending', 'hold', 'approved', 'paid') group by currency order by currency")
                .params(workspace.value(), Timestamp.from(since), Timestamp.from(to), partner.value())
                .query((rs, n) -> new Money(rs.getLong(2), Currency.getInstance(rs.getString(1)))).list();
    }

    /** Per program and currency, what is approved and in no payout yet, with the program's next scheduled run. */
    public List<NextPayout> nextPayouts(WorkspaceId workspace, PartnerId partner) {
        return jdbc.sql("select c.program_id, c.currency, sum(c.amount), s.next_run_at from commission c"
                        + " left join payout_schedule s on s.workspace_id = c.workspace_id and s.program_id = c.program_id"
                        + " where c.workspace_id = ? and c.partner_id = ? and c.status = 'approved'"
                        + " and c.payout_id is null and c.reward_kind = 'cash'"
                        + " group by c.program_id, c.currency, s.next_run_at having sum(c.amount) > 0"
                        + " order by s.next_run_at nulls last, c.currency")
                .params(workspace.value(), partner.value())
                .query((rs, n) -> {
                    Timestamp next = rs.getTimestamp(4);
                    return new NextPayout(new ProgramId(rs.getObject(1, UUID.class)),
                            new Money(rs.getLong(3), Currency.getInstance(rs.getString(2))),
                            next == null ? null : next.toInstant());
                }).list();
    }
}
