package dev.tandem.insight.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The admin dashboard's figures for a period [from, to) of one program or all of a workspace's
 * programs. Every query starts with the workspace and a time range that an index serves (see
 * V21__insight_indexes.sql). Money is summed per currency, never across currencies.
 */
@Repository
public class ProgramFigures {

    private final JdbcClient jdbc;

    ProgramFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who was referred in the period and how far they got; customers are first sales in the period. */
    public record Funnel(long clicks, long leads, long qualified, long customers) {
    }

    /** Commissions that happened in the period, per currency: pending (or held), approved, paid. */
    public record CommissionSums(Currency currency, Money pending, Money approved, Money paid) {
    }

    public record TopPartner(PartnerId partnerId, String name, Money revenue) {
    }

    public record Waiting(ProgramId programId, long count) {
    }

    /** One UTC day of the chart. */
    public record Day(LocalDate day, long clicks, long customers) {
    }

    /**
     * The funnel of the period: leads and qualified read here, clicks and customers summed from the
     * chart's days (the same rows; not counted twice).
     */
    public Funnel funnel(WorkspaceId workspace, ProgramId program, Instant from, Instant to, List<Day> days) {
        // a referral counts as qualified once it reached qualified or beyond, however it got there
        Map<String, Object> referred = jdbc.sql("select count(*) as leads,"
                        + " count(*) filter (where status in ('qualified', 'customer', 'churned') or first_sale_at is not null)"
                        + " as qualified from referral where workspace_id = ? and created_at >= ? and created_at < ?"
                        + of(program))
                .params(params(workspace, from, to, program)).query().singleRow();
        return new Funnel(days.stream().mapToLong(Day::clicks).sum(), ((Number) referred.get("leads")).longValue(),
                ((Number) referred.get("qualified")).longValue(), days.stream().mapToLong(Day::customers).sum());
    }

    /** Attributed sales minus refunds and chargebacks of the period, per currency. */
    public List<Money> revenue(WorkspaceId workspace, ProgramId program, Instant from, Instant to) {
        return jdbc.sql("select currency, sum(case when type = 'sale' then amount else -amount end)"
                        + " from conversion_event where workspace_id = ? and occurred_at >= ? and occurred_at < ?"
                        + " and type in ('sale', 'refund', 'chargeback') and partner_id is not null" + of(program)
                        + " group by currency order by currency")
                .params(params(workspace, from, to, program))
                .query((rs, n) -> new Money(rs.getLong(2), Currency.getInstance(rs.getString(1)))).list();
    }

    public List<CommissionSums> commissions(WorkspaceId workspace, ProgramId program, Instant from, Instant to) {
        return jdbc.sql("select currency,"
                        + " coalesce(sum(amount) filter (where status in ('pending', 'hold')), 0),"
                        + " coalesce(sum(amount) filter (where status = 'approved'), 0),"
                        + " coalesce(sum(amount) filter (where status = 'paid'), 0)"
                        + " from commission where workspace_id = ? and occurred_at >= ? and occurred_at < ?"
                        + " and reward_kind = 'cash' and status in ('pending', 'hold', 'approved', 'paid')" + of(program)
                        + " group by currency order by currency")
                .params(params(workspace, from, to, program))
                .query((rs, n) -> {
                    Currency c = Currency.getInstance(rs.getString(1));
                    return new CommissionSums(c, new Money(rs.getLong(2), c), new Money(rs.getLong(3), c),
                            new Money(rs.getLong(4), c));
                }).list();
    }

    /** The partners who brought the most revenue in the period (per currency: amounts are not added across). */
    public List<TopPartner> topPartners(WorkspaceId workspace, ProgramId program, Instant from, Instant to, int limit) {
        List<Object> params = new ArrayList<>(params(workspace, from, to, program));
        params.add(workspace.value());
        params.add(limit);
        return jdbc.sql("select e.partner_id, p.name, e.currency, e.revenue from ("
                        + " select partner_id, currency, sum(case when type = 'sale' then amount else -amount end) as revenue"
                        + " from conversion_event where workspace_id = ? and occurred_at >= ? and occurred_at < ?"
                        + " and type in ('sale', 'refund', 'chargeback') and partner_id is not null" + of(program)
                        + " group by partner_id, currency) e"
                        + " join partner p on p.workspace_id = ? and p.id = e.partner_id"
                        + " where e.revenue > 0 order by e.revenue desc, p.name limit ?")
                .params(params)
                .query((rs, n) -> new TopPartner(new PartnerId(rs.getObject(1, UUID.class)), rs.getString(2),
                        new Money(rs.getLong(4), Currency.getInstance(rs.getString(3))))).list();
    }

    /** Programs with partners whose application waits for a decision (a state, not a period). */
    public List<Waiting> awaitingReview(WorkspaceId workspace, ProgramId program) {
        List<Object> params = new ArrayList<>();
        params.add(workspace.value());
        if (program != null) {
            params.add(program.value());
        }
        return jdbc.sql("select program_id, count(*) from enrollment where workspace_id = ? and status = 'pending'"
                        + of(program) + " group by program_id order by count(*) desc")
                .params(params)
                .query((rs, n) -> new Waiting(new ProgramId(rs.getObject(1, UUID.class)), rs.getLong(2))).list();
    }

    /** Clicks and first sales per UTC day of the period, every day present (zero when nothing happened). */
    public List<Day> daily(WorkspaceId workspace, ProgramId program, LocalDate first, LocalDate last) {
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.put(d, new long[2]);
        }
        jdbc.sql("select (clicked_at at time zone 'UTC')::date, count(*) from click where workspace_id = ?"
                        + " and clicked_at >= ? and clicked_at < ? and not is_bot" + of(program) + " group by 1")
                .params(params(workspace, from, to, program))
                .query(rs -> {
                    long[] d = days.get(rs.getObject(1, LocalDate.class));
                    if (d != null) {
                        d[0] = rs.getLong(2);
                    }
                });
        jdbc.sql("select (first_sale_at at time zone 'UTC')::date, count(*) from referral where workspace_id = ?"
                        + " and first_sale_at >= ? and first_sale_at < ?" + of(program) + " group by 1")
                .params(params(workspace, from, to, program))
                .query(rs -> {
                    long[] d = days.get(rs.getObject(1, LocalDate.class));
                    if (d != null) {
                        d[1] = rs.getLong(2);
                    }
                });
        List<Day> list = new ArrayList<>();
        days.forEach((day, n) -> list.add(new Day(day, n[0], n[1])));
        return list;
    }

    private static String of(ProgramId program) {
        return program == null ? "" : " and program_id = ?";
    }

    private static List<Object> params(WorkspaceId workspace, Instant from, Instant to, ProgramId program) {
        List<Object> params = new ArrayList<>(List.of(workspace.value(), Timestamp.from(from), Timestamp.from(to)));
        if (program != null) {
            params.add(program.value());
        }
        return params;
    }
}
