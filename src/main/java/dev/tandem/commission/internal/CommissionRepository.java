package dev.tandem.commission.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.commission.Commission;
import dev.tandem.commission.CommissionId;
import dev.tandem.commission.CommissionKind;
import dev.tandem.commission.CommissionStatus;
import dev.tandem.commission.Commissions;
import dev.tandem.core.Ids;
import dev.tandem.core.ListRequest;
import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.CommissionPlan;
import dev.tandem.program.PlanId;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.CustomerId;
import dev.tandem.referral.EventId;
import dev.tandem.referral.ReferralId;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Commissions and their status history. */
@Repository
public class CommissionRepository {

    private static final String COLUMNS = "workspace_id, id, program_id, partner_id, customer_id, referral_id, event_id,"
            + " kind, reverses_id, trigger, plan_id, amount, currency, base_amount, reward_kind, fulfilled_at, status,"
            + " explanation, occurred_at, available_at, created_at, payout_id, explanation_parts";

    private final JdbcClient jdbc;
    private final dev.tandem.core.WriteBehind writeBehind;

    CommissionRepository(JdbcClient jdbc, dev.tandem.core.WriteBehind writeBehind) {
        this.writeBehind = writeBehind;
        this.jdbc = jdbc;
    }

    /** One status change as the history shows it. */
    public record Change(CommissionId commission, CommissionStatus from, CommissionStatus to, String reason,
            String actorName, Instant at) {
    }

    /**
     * Stores the commission with the first line of its history (who made it, why), unless its source
     * was paid for before: then nothing, and null. Answers the history line's id, which names its ledger entry.
     */
    public UUID insert(Commission c, String sourceKey, Integer ruleIndex, String reason, Actor by) {
        UUID change = Ids.newId();
        if (writeBehind.holding()) {
            // held with the intake's other rows; a source paid for before fails the whole group, which then goes one by one
            writeBehind.insert("commission", "insert into commission (" + COLUMNS + ", source_key, rule_index) values"
                            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)",
                    c.workspaceId().value(), c.id().value(), c.programId().value(), c.partnerId().value(),
                    v(c.customerId()), v(c.referralId()), v(c.eventId()), c.kind().code(), v(c.reverses()),
                    c.trigger() == null ? null : c.trigger().code(), v(c.planId()), c.amount().amount(),
                    c.amount().currency().getCurrencyCode(), c.baseAmount(), c.rewardKind().code(),
                    ts(c.fulfilledAt()), c.status().code(), c.explanation(), ts(c.occurredAt()),
                    ts(c.availableAt()), ts(c.createdAt()), c.payoutId(), c.explanationParts(), sourceKey, ruleIndex);
            writeBehind.insert("commission_status_change", "insert into commission_status_change (workspace_id, id,"
                            + " commission_id, from_status, to_status, reason, event_id, actor_kind, actor_id, actor_name,"
                            + " occurred_at) values (?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?)",
                    c.workspaceId().value(), change, c.id().value(), c.status().code(), reason == null ? "" : reason,
                    v(c.eventId()), by.kind().name().toLowerCase(), by.id(), by.name(), ts(c.createdAt()));
            return change;
        }
        int rows = jdbc.sql("with made as (insert into commission (" + COLUMNS + ", source_key, rule_index) values"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
                        + " on conflict (workspace_id, source_key) do nothing returning workspace_id, id, status, created_at)"
                        + " insert into commission_status_change (workspace_id, id, commission_id, from_status, to_status,"
                        + " reason, event_id, actor_kind, actor_id, actor_name, occurred_at)"
                        + " select workspace_id, ?, id, null, status, ?, ?, ?, ?, ?, created_at from made")
                .params(c.workspaceId().value(), c.id().value(), c.programId().value(), c.partnerId().value(),
                        v(c.customerId()), v(c.referralId()), v(c.eventId()), c.kind().code(), v(c.reverses()),
                        c.trigger() == null ? null : c.trigger().code(), v(c.planId()), c.amount().amount(),
                        c.amount().currency().getCurrencyCode(), c.baseAmount(), c.rewardKind().code(),
                        ts(c.fulfilledAt()), c.status().code(), c.explanation(), ts(c.occurredAt()),
                        ts(c.availableAt()), ts(c.createdAt()), c.payoutId(), c.explanationParts(), sourceKey, ruleIndex,
                        change, reason == null ? "" : reason, v(c.eventId()), by.kind().name().toLowerCase(), by.id(),
                        by.name())
                .update();
        return rows == 1 ? change : null;
    }

    /** Whether a commission was already made for this reason (its source key). */
    public boolean sourceTaken(WorkspaceId workspace, String sourceKey) {
        return jdbc.sql("select exists (select 1 from commission where workspace_id = ? and source_key = ?)")
                .params(workspace.value(), sourceKey).query(Boolean.class).single();
    }

    public Optional<Commission> find(WorkspaceId workspace, CommissionId id) {
        return jdbc.sql("select " + COLUMNS + " from commission where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value()).query(CommissionRepository::map).optional();
    }

    /** The commissions with these ids, in id order (unknown ids are left out). */
    public List<Commission> find(WorkspaceId workspace, List<CommissionId> ids) {
        return jdbc.sql("select " + COLUMNS + " from commission where workspace_id = ? and id = any(?::uuid[]) order by id")
                .params(workspace.value(), uuids(ids)).query(CommissionRepository::map).list();
    }

    /** Locks the commissions for a status change (in id order, so two changes never wait on each other). */
    public List<Commission> lock(WorkspaceId workspace, List<CommissionId> ids) {
        return jdbc.sql("select " + COLUMNS + " from commission where workspace_id = ? and id = any(?::uuid[])"
                        + " order by id for update")
                .params(workspace.value(), uuids(ids)).query(CommissionRepository::map).list();
    }

    /** Moves the commission to a status, if it is still in {@code from}; false if something else moved it first. */
    public boolean setStatus(WorkspaceId workspace, CommissionId id, CommissionStatus from, CommissionStatus to,
            UUID payout) {
        return jdbc.sql("update commission set status = ?, payout_id = coalesce(?, payout_id)"
                        + " where workspace_id = ? and id = ? and status = ?")
                .params(to.code(), payout, workspace.value(), id.value(), from.code()).update() == 1;
    }

    /** @return the change's id, which names its ledger entry */
    public UUID recordChange(WorkspaceId workspace, CommissionId id, CommissionStatus from, CommissionStatus to,
            String reason, EventId event, Actor by, Instant at) {
        UUID change = Ids.newId();
        jdbc.sql("insert into commission_status_change (workspace_id, id, commission_id, from_status, to_status, reason,"
                        + " event_id, actor_kind, actor_id, actor_name, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), change, id.value(), from == null ? null : from.code(), to.code(),
                        reason == null ? "" : reason, v(event), by.kind().name().toLowerCase(), by.id(), by.name(),
                        Timestamp.from(at))
                .update();
        return change;
    }

    public List<Change> history(WorkspaceId workspace, CommissionId id) {
        return jdbc.sql("select commission_id, from_status, to_status, reason, actor_name, occurred_at"
                        + " from commission_status_change where workspace_id = ? and commission_id = ? order by occurred_at, id")
                .params(workspace.value(), id.value())
                .query((rs, n) -> new Change(new CommissionId(rs.getObject(1, UUID.class)),
                        rs.getString(2) == null ? null : CommissionStatus.fromCode(rs.getString(2)).orElseThrow(),
                        CommissionStatus.fromCode(rs.getString(3)).orElseThrow(), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** The commissions an event created, or whose status it changed (a refund that reversed them). */
    public List<Commission> ofEvent(WorkspaceId workspace, EventId event) {
        // a union, not an OR: each half uses its own index
        return jdbc.sql("select " + COLUMNS + " from commission where workspace_id = ? and event_id = ?"
                        + " union select " + COLUMNS.replaceAll("(\\w+)", "c.$1") + " from commission c"
                        + " join commission_status_change h on h.workspace_id = c.workspace_id and h.commission_id = c.id"
                        + " where h.workspace_id = ? and h.event_id = ? and h.from_status is not null order by id")
                .params(workspace.value(), event.value(), workspace.value(), event.value())
                .query(CommissionRepository::map).list();
    }

    /** What the rules earned for a sale, to reverse in proportion when it is refunded. */
    public List<Commission> earnedFor(WorkspaceId workspace, EventId sale) {
        return jdbc.sql("select " + COLUMNS + " from commission where workspace_id = ? and event_id = ? and kind = 'earned'"
                        + " order by id for update")
                .params(workspace.value(), sale.value()).query(CommissionRepository::map).list();
    }

    /** The reversals and clawbacks that offset a commission, still standing (not rejected or reversed themselves). */
    public List<Commission> offsetsOf(WorkspaceId workspace, CommissionId original) {
        return jdbc.sql("select " + COLUMNS + " from commission where workspace_id = ? and reverses_id = ?"
                        + " and status not in ('rejected', 'reversed') order by id for update")
                .params(workspace.value(), original.value()).query(CommissionRepository::map).list();
    }

    /** Every unpaid offset of these commissions, in any status but final: they follow their original. */
    public List<Commission> openOffsetsOf(WorkspaceId workspace, List<CommissionId> originals) {
        return jdbc.sql("select " + COLUMNS + " from commission where workspace_id = ? and reverses_id = any(?::uuid[])"
                        + " and status in ('pending', 'hold', 'approved') order by id for update")
                .params(workspace.value(), uuids(originals)).query(CommissionRepository::map).list();
    }

    /**
     * What a rule paid the partner since {@code from} (null: ever), earned and still standing, in
     * minor units; for one customer when {@code customer} is given.
     */
    public long earnedSince(WorkspaceId workspace, ProgramId program, PartnerId partner, CommissionPlan.Trigger trigger,
            Instant from, CustomerId customer) {
        return jdbc.sql("select coalesce(sum(amount), 0) from commission where workspace_id = ? and program_id = ?"
                        + " and partner_id = ? and kind = 'earned' and trigger = ? and status not in ('rejected', 'reversed')"
                        + " and (?::timestamptz is null or occurred_at >= ?) and (?::uuid is null or customer_id = ?)")
                .params(workspace.value(), program.value(), partner.value(), trigger.code(), ts(from), ts(from),
                        v(customer), v(customer))
                .query(Long.class).single();
    }

    /** How many sales (of any rule) earned the partner something in the program since {@code from}, this one excluded. */
    public int salesSince(WorkspaceId workspace, ProgramId program, PartnerId partner, Instant from, Instant until,
            EventId except) {
        return jdbc.sql("select count(distinct event_id) from commission where workspace_id = ? and program_id = ?"
                        + " and partner_id = ? and kind = 'earned' and trigger in ('sale', 'recurring_sale')"
                        + " and occurred_at >= ? and occurred_at < ? and event_id <> ?")
                .params(workspace.value(), program.value(), partner.value(), ts(from), ts(until), except.value())
                .query(Integer.class).single();
    }

    /** The partner's lifetime attributed sales in the program (each sale once), this one excluded, in minor units. */
    public long lifetimeSales(WorkspaceId workspace, ProgramId program, PartnerId partner, EventId except) {
        return jdbc.sql("select coalesce(sum(base_amount), 0) from (select distinct on (event_id) event_id, base_amount"
                        + " from commission where workspace_id = ? and program_id = ? and partner_id = ? and kind = 'earned'"
                        + " and trigger in ('sale', 'recurring_sale') and event_id <> ? order by event_id) s")
                .params(workspace.value(), program.value(), partner.value(), except.value())
                .query(Long.class).single();
    }

    /** Pending commissions whose hold period is over, locked for approval; others' locks are skipped. */
    public List<Commission> lockDue(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from commission where status = 'pending' and available_at <= ?"
                        + " order by available_at limit ? for update skip locked")
                .params(Timestamp.from(now), limit).query(CommissionRepository::map).list();
    }

    /** One page of the workspace's commissions, filtered as {@link #list} and in the whitelisted order the request carries. */
    public List<Commission> sorted(WorkspaceId workspace, PartnerId partner, ProgramId program, CommissionStatus status,
            List<PlanId> plans, ListRequest page) {
        List<Object> params = new ArrayList<>();
        String where = listed(workspace, partner, program, status, plans, params);
        params.add(page.size());
        params.add(page.offset());
        return jdbc.sql("select " + COLUMNS + " from commission" + where + " order by " + page.orderBy()
                        + " limit ? offset ?")
                .params(params).query(CommissionRepository::map).list();
    }

    /** How many commissions {@link #sorted} pages through. */
    public long countListed(WorkspaceId workspace, PartnerId partner, ProgramId program, CommissionStatus status,
            List<PlanId> plans) {
        List<Object> params = new ArrayList<>();
        String where = listed(workspace, partner, program, status, plans, params);
        return jdbc.sql("select count(*) from commission" + where).params(params).query(Long.class).single();
    }

    // the list's conditions: each null is no filter
    private static String listed(WorkspaceId workspace, PartnerId partner, ProgramId program, CommissionStatus status,
            List<PlanId> plans, List<Object> params) {
        StringBuilder where = new StringBuilder(" where workspace_id = ?");
        params.add(workspace.value());
        if (partner != null) {
            where.append(" and partner_id = ?");
            params.add(partner.value());
        }
        if (program != null) {
            where.append(" and program_id = ?");
            params.add(program.value());
        }
        if (status != null) {
            where.append(" and status = ?");
            params.add(status.code());
        }
        if (plans != null) {
            where.append(" and plan_id = any(?::uuid[])");
            params.add(plans.stream().map(p -> p.value().toString()).toArray(String[]::new));
        }
        return where.toString();
    }

    /** A page of the workspace's commissions, newest first, optionally of one partner, program, status and plans. */
    public List<Commission> list(WorkspaceId workspace, PartnerId partner, ProgramId program, CommissionStatus status,
            List<PlanId> plans, CommissionId before, int limit) {
        List<Object> params = new ArrayList<>(List.of(workspace.value()));
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from commission where workspace_id = ?");
        if (partner != null) {
            sql.append(" and partner_id = ?");
            params.add(partner.value());
        }
        if (program != null) {
            sql.append(" and program_id = ?");
            params.add(program.value());
        }
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.code());
        }
        if (plans != null) {
            sql.append(" and plan_id = any(?::uuid[])");
            params.add(plans.stream().map(p -> p.value().toString()).toArray(String[]::new));
        }
        if (before != null) {
            sql.append(" and id < ?");
            params.add(before.value());
        }
        sql.append(" order by id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(CommissionRepository::map).list();
    }

    /** Approved cash commissions no payout holds, approved at or before the cut-off, summed per partner and currency. */
    public List<Commissions.Payable> payable(WorkspaceId workspace, ProgramId program,
            Currency currency, Instant cutoff) {
        return jdbc.sql("select c.partner_id, c.currency, sum(c.amount) as total, count(*) as n from commission c"
                        + " where c.workspace_id = ? and c.program_id = ? and c.status = 'approved'"
                        + " and c.payout_id is null and c.reward_kind = 'cash' and (?::char(3) is null or c.currency = ?)"
                        + " and " + APPROVED_BY_CUTOFF + " group by c.partner_id, c.currency order by c.partner_id, c.currency")
                .params(workspace.value(), program.value(), code(currency), code(currency), Timestamp.from(cutoff))
                .query((rs, n) -> new Commissions.Payable(
                        new PartnerId(rs.getObject("partner_id", UUID.class)), Currency.getInstance(rs.getString("currency")),
                        rs.getLong("total"), rs.getInt("n")))
                .list();
    }

    /** Takes the partner's payable commissions into the payout, unless another payout took them first. */
    public List<Commission> claim(WorkspaceId workspace, ProgramId program, PartnerId partner, Currency currency,
            Instant cutoff, UUID payout) {
        return jdbc.sql("update commission c set payout_id = ? where c.workspace_id = ? and c.program_id = ?"
                        + " and c.partner_id = ? and c.currency = ? and c.status = 'approved' and c.payout_id is null"
                        + " and c.reward_kind = 'cash' and " + APPROVED_BY_CUTOFF + " returning " + COLUMNS)
                .params(payout, workspace.value(), program.value(), partner.value(), currency.getCurrencyCode(),
                        Timestamp.from(cutoff))
                .query(CommissionRepository::map).list();
    }

    /** Lets go of what a payout held and did not pay. */
    public int unclaim(WorkspaceId workspace, UUID payout) {
        return jdbc.sql("update commission set payout_id = null where workspace_id = ? and payout_id = ?"
                        + " and status = 'approved'")
                .params(workspace.value(), payout).update();
    }

    /** Locks the commissions a payout holds, in id order. */
    public List<Commission> lockInPayout(WorkspaceId workspace, UUID payout) {
        return jdbc.sql("select " + COLUMNS + " from commission where workspace_id = ? and payout_id = ?"
                        + " order by id for update")
                .params(workspace.value(), payout).query(CommissionRepository::map).list();
    }

    // the latest approval of the commission happened at or before the cut-off
    private static final String APPROVED_BY_CUTOFF = "(select max(s.occurred_at) from commission_status_change s"
            + " where s.workspace_id = c.workspace_id and s.commission_id = c.id and s.to_status = 'approved') <= ?";

    private static String code(Currency currency) {
        return currency == null ? null : currency.getCurrencyCode();
    }

    /** Sums per partner, currency and status of the cash commissions: what the ledger must agree with. */
    public List<Total> cashTotals(WorkspaceId workspace) {
        return jdbc.sql("select partner_id, currency, status, sum(amount) from commission where workspace_id = ?"
                        + " and reward_kind = 'cash' group by partner_id, currency, status")
                .param(workspace.value())
                .query((rs, n) -> new Total(new PartnerId(rs.getObject(1, UUID.class)),
                        Currency.getInstance(rs.getString(2)), CommissionStatus.fromCode(rs.getString(3)).orElseThrow(),
                        rs.getLong(4)))
                .list();
    }

    public record Total(PartnerId partner, Currency currency, CommissionStatus status, long amount) {
    }

    /** Why each of these commissions is held or rejected: the reason of the change into its current status. */
    public java.util.Map<CommissionId, String> currentReasons(WorkspaceId workspace, List<Commission> of) {
        List<CommissionId> ids = of.stream().filter(c -> c.status() == CommissionStatus.HOLD
                || c.status() == CommissionStatus.REJECTED).map(Commission::id).toList();
        java.util.Map<CommissionId, String> reasons = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return reasons;
        }
        jdbc.sql("select distinct on (h.commission_id) h.commission_id, h.reason from commission_status_change h"
                        + " join commission c on c.workspace_id = h.workspace_id and c.id = h.commission_id"
                        + " where h.workspace_id = ? and h.commission_id = any(?::uuid[]) and h.to_status = c.status"
                        + " order by h.commission_id, h.occurred_at desc, h.id desc")
                .params(workspace.value(), uuids(ids))
                .query((rs, n) -> reasons.put(new CommissionId(rs.getObject(1, UUID.class)), rs.getString(2))).list();
        return reasons;
    }

    public void markFulfilled(WorkspaceId workspace, CommissionId id, Instant at) {
        jdbc.sql("update commission set fulfilled_at = ? where workspace_id = ? and id = ? and fulfilled_at is null")
                .params(Timestamp.from(at), workspace.value(), id.value()).update();
    }

    private static Commission map(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        Long base = rs.getObject("base_amount", Long.class);
        String trigger = rs.getString("trigger");
        return new Commission(new WorkspaceId(uuid(rs, "workspace_id")), new CommissionId(uuid(rs, "id")),
                new ProgramId(uuid(rs, "program_id")), new PartnerId(uuid(rs, "partner_id")),
                uuid(rs, "customer_id") == null ? null : new CustomerId(uuid(rs, "customer_id")),
                uuid(rs, "referral_id") == null ? null : new ReferralId(uuid(rs, "referral_id")),
                uuid(rs, "event_id") == null ? null : new EventId(uuid(rs, "event_id")),
                CommissionKind.fromCode(rs.getString("kind")).orElseThrow(),
                uuid(rs, "reverses_id") == null ? null : new CommissionId(uuid(rs, "reverses_id")),
                trigger == null ? null : CommissionPlan.Trigger.fromCode(trigger).orElseThrow(),
                uuid(rs, "plan_id") == null ? null : new PlanId(uuid(rs, "plan_id")),
                new Money(rs.getLong("amount"), currency), base,
                CommissionPlan.RewardKind.fromCode(rs.getString("reward_kind")).orElseThrow(),
                instant(rs, "fulfilled_at"), CommissionStatus.fromCode(rs.getString("status")).orElseThrow(),
                rs.getString("explanation"), instant(rs, "occurred_at"), instant(rs, "available_at"),
                instant(rs, "created_at"), uuid(rs, "payout_id"), rs.getString("explanation_parts"));
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static UUID v(dev.tandem.core.TypedId id) {
        return id == null ? null : id.value();
    }

    private static String[] uuids(List<CommissionId> ids) {
        return ids.stream().map(i -> i.value().toString()).toArray(String[]::new);
    }
}
