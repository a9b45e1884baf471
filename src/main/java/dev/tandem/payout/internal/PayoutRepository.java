package dev.tandem.payout.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.core.ListRequest;
import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.payout.HeldBalance;
import dev.tandem.payout.Payout;
import dev.tandem.payout.PayoutId;
import dev.tandem.payout.PayoutMethod;
import dev.tandem.payout.PayoutRun;
import dev.tandem.payout.PayoutRunId;
import dev.tandem.payout.PayoutStatus;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Runs, payouts with what they hold and their history, and the balances a run held back. */
@Repository
public class PayoutRepository {

    private static final String RUN_COLUMNS = "workspace_id, id, program_id, currency, cutoff, scheduled, started_by,"
            + " created_at";
    private static final String COLUMNS = "workspace_id, id, run_id, program_id, partner_id, amount, currency, method,"
            + " destination, status, reference, failure_reason, paid_amount, paid_currency, rate, rate_source,"
            + " invoice_number, created_at, updated_at";

    private final JdbcClient jdbc;

    PayoutRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One line of a payout's history. */
    public record Change(PayoutStatus from, PayoutStatus to, String reason, String actorName, Instant at) {
    }

    /** Waits for any other run of the program in this transaction's lifetime: runs of one program never overlap. */
    public void lockProgram(WorkspaceId workspace, ProgramId program) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("payout-run:" + workspace.value() + ":" + program.value()).query().singleValue();
    }

    public void insertRun(PayoutRun run) {
        jdbc.sql("insert into payout_run (" + RUN_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(run.workspaceId().value(), run.id().value(), run.programId().value(),
                        run.currency() == null ? null : run.currency().getCurrencyCode(), Timestamp.from(run.cutoff()),
                        run.scheduled(), run.startedBy(), Timestamp.from(run.createdAt()))
                .update();
    }

    public Optional<PayoutRun> run(WorkspaceId workspace, PayoutRunId id) {
        return jdbc.sql("select " + RUN_COLUMNS + " from payout_run where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value()).query(PayoutRepository::mapRun).optional();
    }

    /** One page of the workspace's runs in the whitelisted order the request carries. */
    public List<PayoutRun> sortedRuns(WorkspaceId workspace, ListRequest page) {
        return jdbc.sql("select " + RUN_COLUMNS + " from payout_run where workspace_id = ? order by " + page.orderBy()
                        + " limit ? offset ?")
                .params(workspace.value(), page.size(), page.offset()).query(PayoutRepository::mapRun).list();
    }

    /** How many runs {@link #sortedRuns} pages through. */
    public long countRuns(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from payout_run where workspace_id = ?").params(workspace.value())
                .query(Long.class).single();
    }

    /** The newest runs first, of one program or all. */
    public List<PayoutRun> runs(WorkspaceId workspace, ProgramId program, UUID before, int limit) {
        return jdbc.sql("select " + RUN_COLUMNS + " from payout_run where workspace_id = ?"
                        + " and (?::uuid is null or program_id = ?) and (?::uuid is null or id < ?) order by id desc limit ?")
                .params(workspace.value(), program == null ? null : program.value(),
                        program == null ? null : program.value(), before, before, limit)
                .query(PayoutRepository::mapRun).list();
    }

    public void insert(Payout p) {
        jdbc.sql("insert into payout (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(p.workspaceId().value(), p.id().value(), p.runId().value(), p.programId().value(),
                        p.partnerId().value(), p.amount().amount(), p.amount().currency().getCurrencyCode(),
                        p.method().code(), p.destination(), p.status().code(), p.reference(), p.failureReason(),
                        p.paid() == null ? null : p.paid().amount(),
                        p.paid() == null ? null : p.paid().currency().getCurrencyCode(), p.rate(), p.rateSource(),
                        p.invoiceNumber(), Timestamp.from(p.createdAt()), Timestamp.from(p.updatedAt()))
                .update();
    }

    public void setAmount(WorkspaceId workspace, PayoutId id, long amount) {
        jdbc.sql("update payout set amount = ? where workspace_id = ? and id = ?")
                .params(amount, workspace.value(), id.value()).update();
    }

    /** Removes a payout made in this transaction that turned out to hold nothing to pay (no history yet). */
    public void delete(WorkspaceId workspace, PayoutId id) {
        jdbc.sql("delete from payout where workspace_id = ? and id = ?").params(workspace.value(), id.value()).update();
    }

    public void setRailAccount(WorkspaceId workspace, PayoutId id, String account) {
        jdbc.sql("update payout set rail_account = ? where workspace_id = ? and id = ?")
                .params(account, workspace.value(), id.value()).update();
    }

    public String railAccount(WorkspaceId workspace, PayoutId id) {
        return jdbc.sql("select rail_account from payout where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value()).query(String.class).single();
    }

    public void insertItems(WorkspaceId workspace, PayoutId payout, List<UUID> commissions, List<Long> amounts) {
        jdbc.sql("insert into payout_item (workspace_id, payout_id, commission_id, amount)"
                        + " select ?, ?, c, a from unnest(?::uuid[], ?::bigint[]) as t (c, a)")
                .params(workspace.value(), payout.value(), commissions.toArray(UUID[]::new),
                        amounts.toArray(Long[]::new))
                .update();
    }

    public Optional<Payout> find(WorkspaceId workspace, PayoutId id) {
        return jdbc.sql("select " + COLUMNS + " from payout where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value()).query(PayoutRepository::map).optional();
    }

    public Optional<Payout> lock(WorkspaceId workspace, PayoutId id) {
        return jdbc.sql("select " + COLUMNS + " from payout where workspace_id = ? and id = ? for update")
                .params(workspace.value(), id.value()).query(PayoutRepository::map).optional();
    }

    public List<Payout> ofRun(WorkspaceId workspace, PayoutRunId run) {
        return jdbc.sql("select " + COLUMNS + " from payout where workspace_id = ? and run_id = ? order by id")
                .params(workspace.value(), run.value()).query(PayoutRepository::map).list();
    }

    /** The partner's payouts, newest first. */
    public List<Payout> ofPartner(WorkspaceId workspace, PartnerId partner, int limit) {
        return jdbc.sql("select " + COLUMNS + " from payout where workspace_id = ? and partner_id = ?"
                        + " order by created_at desc, id desc limit ?")
                .params(workspace.value(), partner.value(), limit).query(PayoutRepository::map).list();
    }

    /** Moves the payout on if it is still in {@code from}: false if something else moved it first. */
    public boolean setStatus(WorkspaceId workspace, PayoutId id, PayoutStatus from, PayoutStatus to, String reference,
            String failureReason, Instant at) {
        return jdbc.sql("update payout set status = ?, reference = coalesce(?, reference),"
                        + " failure_reason = coalesce(?, failure_reason), updated_at = ?"
                        + " where workspace_id = ? and id = ? and status = ?")
                .params(to.code(), reference, failureReason, Timestamp.from(at), workspace.value(), id.value(),
                        from.code())
                .update() == 1;
    }

    public void recordChange(WorkspaceId workspace, PayoutId id, PayoutStatus from, PayoutStatus to, String reason,
            String actor, Instant at) {
        jdbc.sql("insert into payout_status_change (workspace_id, id, payout_id, from_status, to_status, reason,"
                        + " actor_name, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), dev.tandem.core.Ids.newId(), id.value(), from == null ? null : from.code(),
                        to.code(), reason == null ? "" : reason, actor, Timestamp.from(at))
                .update();
    }

    public List<Change> history(WorkspaceId workspace, PayoutId id) {
        return jdbc.sql("select from_status, to_status, reason, actor_name, occurred_at from payout_status_change"
                        + " where workspace_id = ? and payout_id = ? order by occurred_at, id")
                .params(workspace.value(), id.value())
                .query((rs, n) -> new Change(rs.getString("from_status") == null ? null
                        : PayoutStatus.fromCode(rs.getString("from_status")).orElseThrow(),
                        PayoutStatus.fromCode(rs.getString("to_status")).orElseThrow(), rs.getString("reason"),
                        rs.getString("actor_name"), rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    public void setConversion(WorkspaceId workspace, PayoutId id, Money paid, BigDecimal rate, String source,
            Instant at) {
        jdbc.sql("update payout set paid_amount = ?, paid_currency = ?, rate = ?, rate_source = ?, updated_at = ?"
                        + " where workspace_id = ? and id = ?")
                .params(paid == null ? null : paid.amount(), paid == null ? null : paid.currency().getCurrencyCode(),
                        rate, source, Timestamp.from(at), workspace.value(), id.value())
                .update();
    }

    /** The program's next self-billing invoice number; callers hold the program's run lock. */
    public String nextInvoiceNumber(WorkspaceId workspace, ProgramId program, int year) {
        String prefix = "SB-" + year + "-";
        Integer last = jdbc.sql("select max(substring(invoice_number from ?)::int) from payout"
                        + " where workspace_id = ? and program_id = ? and invoice_number like ?")
                .params(prefix.length() + 1, workspace.value(), program.value(), prefix + "%")
                .query(Integer.class).optional().orElse(null);
        return prefix + String.format("%06d", last == null ? 1 : last + 1);
    }

    public void setInvoiceNumber(WorkspaceId workspace, PayoutId id, String number) {
        jdbc.sql("update payout set invoice_number = ? where workspace_id = ? and id = ?")
                .params(number, workspace.value(), id.value()).update();
    }

    /** The commissions a payout held (and, for a paid one, paid), with the amounts it counted. */
    public List<UUID> items(WorkspaceId workspace, PayoutId payout) {
        return jdbc.sql("select commission_id from payout_item where workspace_id = ? and payout_id = ?"
                        + " order by commission_id")
                .params(workspace.value(), payout.value()).query(UUID.class).list();
    }

    public void insertHeld(WorkspaceId workspace, HeldBalance held) {
        jdbc.sql("insert into payout_held (workspace_id, run_id, partner_id, currency, amount, reason, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), held.runId().value(), held.partnerId().value(),
                        held.amount().currency().getCurrencyCode(), held.amount().amount(), held.reason().code(),
                        held.detail())
                .update();
    }

    public List<HeldBalance> heldOfRun(WorkspaceId workspace, PayoutRunId run) {
        return jdbc.sql("select run_id, partner_id, currency, amount, reason, detail from payout_held"
                        + " where workspace_id = ? and run_id = ? order by partner_id, currency")
                .params(workspace.value(), run.value()).query(PayoutRepository::mapHeld).list();
    }

    /** What the partner's latest run held back, per currency (nothing if the latest run paid them). */
    public List<HeldBalance> latestHeld(WorkspaceId workspace, PartnerId partner) {
        return jdbc.sql("select distinct on (h.currency) h.run_id, h.partner_id, h.currency, h.amount, h.reason, h.detail"
                        + " from payout_held h where h.workspace_id = ? and h.partner_id = ?"
                        + " and not exists (select 1 from payout p where p.workspace_id = h.workspace_id"
                        + " and p.partner_id = h.partner_id and p.currency = h.currency and p.run_id > h.run_id)"
                        + " order by h.currency, h.run_id desc")
                .params(workspace.value(), partner.value()).query(PayoutRepository::mapHeld).list();
    }

    private static HeldBalance mapHeld(ResultSet rs, int n) throws SQLException {
        return new HeldBalance(new PayoutRunId(rs.getObject("run_id", UUID.class)),
                new PartnerId(rs.getObject("partner_id", UUID.class)),
                new Money(rs.getLong("amount"), Currency.getInstance(rs.getString("currency"))),
                HeldBalance.Reason.fromCode(rs.getString("reason")), rs.getString("detail"));
    }

    private static PayoutRun mapRun(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        return new PayoutRun(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new PayoutRunId(rs.getObject("id", UUID.class)), new ProgramId(rs.getObject("program_id", UUID.class)),
                currency == null ? null : Currency.getInstance(currency), rs.getTimestamp("cutoff").toInstant(),
                rs.getBoolean("scheduled"), rs.getString("started_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static Payout map(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        String paidCurrency = rs.getString("paid_currency");
        return new Payout(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new PayoutId(rs.getObject("id", UUID.class)), new PayoutRunId(rs.getObject("run_id", UUID.class)),
                new ProgramId(rs.getObject("program_id", UUID.class)),
                new PartnerId(rs.getObject("partner_id", UUID.class)), new Money(rs.getLong("amount"), currency),
                PayoutMethod.fromCode(rs.getString("method")).orElseThrow(), rs.getString("destination"),
                PayoutStatus.fromCode(rs.getString("status")).orElseThrow(), rs.getString("reference"),
                rs.getString("failure_reason"),
                paidCurrency == null ? null : new Money(rs.getLong("paid_amount"), Currency.getInstance(paidCurrency)),
                rs.getBigDecimal("rate"), rs.getString("rate_source"), rs.getString("invoice_number"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
