package dev.tandem.payout.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.payout.PayoutSettings;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The business's paying account, programs' payout schedules and minimums, and partners' billing details. */
@Repository
public class SettingsRepository {

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account as stored, with the Stripe key still sealed. */
    public record StoredAccount(PayoutSettings.BusinessAccount account, byte[] stripeKeySealed) {
    }

    public Optional<StoredAccount> account(WorkspaceId workspace) {
        return jdbc.sql("select name, iban, bic, address, country, vat_id, stripe_key_sealed, stripe_key_hint"
                        + " from payout_account where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> new StoredAccount(new PayoutSettings.BusinessAccount(rs.getString("name"),
                        rs.getString("iban"), rs.getString("bic"), rs.getString("address"), rs.getString("country"),
                        rs.getString("vat_id"), rs.getString("stripe_key_hint")), rs.getBytes("stripe_key_sealed")))
                .optional();
    }

    public void saveAccount(WorkspaceId workspace, PayoutSettings.BusinessAccount a, Instant at) {
        jdbc.sql("insert into payout_account (workspace_id, name, iban, bic, address, country, vat_id, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (workspace_id) do update set name = excluded.name,"
                        + " iban = excluded.iban, bic = excluded.bic, address = excluded.address,"
                        + " country = excluded.country, vat_id = excluded.vat_id, updated_at = excluded.updated_at")
                .params(workspace.value(), a.name(), a.iban(), a.bic(), a.address(), a.country(), a.vatId(),
                        Timestamp.from(at))
                .update();
    }

    public void saveStripeKey(WorkspaceId workspace, byte[] sealed, String hint, Instant at) {
        jdbc.sql("insert into payout_account (workspace_id, stripe_key_sealed, stripe_key_hint, updated_at)"
                        + " values (?, ?, ?, ?) on conflict (workspace_id) do update set"
                        + " stripe_key_sealed = excluded.stripe_key_sealed, stripe_key_hint = excluded.stripe_key_hint,"
                        + " updated_at = excluded.updated_at")
                .params(workspace.value(), sealed, hint, Timestamp.from(at)).update();
    }

    /** The key ids that sealed the stored Stripe keys, for the start-up check that this node can open them. */
    public List<byte[]> sealedStripeKeys() {
        return jdbc.sql("select distinct substring(stripe_key_sealed from 1 for 5) from payout_account"
                        + " where stripe_key_sealed is not null").query(byte[].class).list();
    }

    public Optional<PayoutSettings.Schedule> schedule(WorkspaceId workspace, ProgramId program) {
        Map<Currency, Money> minimums = minimums(workspace, program);
        return jdbc.sql("select frequency, day, cutoff_days, require_approval, next_run_at from payout_schedule"
                        + " where workspace_id = ? and program_id = ?")
                .params(workspace.value(), program.value())
                .query((rs, n) -> new PayoutSettings.Schedule(
                        PayoutSettings.Frequency.fromCode(rs.getString("frequency")), rs.getInt("day"),
                        rs.getInt("cutoff_days"), rs.getBoolean("require_approval"),
                        rs.getTimestamp("next_run_at") == null ? null : rs.getTimestamp("next_run_at").toInstant(),
                        minimums))
                .optional();
    }

    public void saveSchedule(WorkspaceId workspace, ProgramId program, PayoutSettings.Schedule s, Instant at) {
        jdbc.sql("insert into payout_schedule (workspace_id, program_id, frequency, day, cutoff_days, require_approval,"
                        + " next_run_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (workspace_id, program_id)"
                        + " do update set frequency = excluded.frequency, day = excluded.day,"
                        + " cutoff_days = excluded.cutoff_days, require_approval = excluded.require_approval,"
                        + " next_run_at = excluded.next_run_at, updated_at = excluded.updated_at")
                .params(workspace.value(), program.value(), s.frequency().code(), s.day(), s.cutoffDays(),
                        s.requireApproval(), s.nextRunAt() == null ? null : Timestamp.from(s.nextRunAt()),
                        Timestamp.from(at))
                .update();
        jdbc.sql("delete from payout_minimum where workspace_id = ? and program_id = ?")
                .params(workspace.value(), program.value()).update();
        s.minimums().values().forEach(m -> jdbc.sql("insert into payout_minimum (workspace_id, program_id, currency,"
                        + " amount) values (?, ?, ?, ?)")
                .params(workspace.value(), program.value(), m.currency().getCurrencyCode(), m.amount()).update());
    }

    /** A scheduled run that is due, locked so that no other node starts it too; skips ones another node holds. */
    public record Due(WorkspaceId workspace, ProgramId program) {
    }

    public Optional<Due> lockDue(Instant now) {
        return jdbc.sql("select workspace_id, program_id from payout_schedule where next_run_at <= ?"
                        + " order by next_run_at limit 1 for update skip locked")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Due(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        new ProgramId(rs.getObject("program_id", UUID.class))))
                .optional();
    }

    public void setNextRun(WorkspaceId workspace, ProgramId program, Instant next) {
        jdbc.sql("update payout_schedule set next_run_at = ? where workspace_id = ? and program_id = ?")
                .params(next == null ? null : Timestamp.from(next), workspace.value(), program.value()).update();
    }

    private Map<Currency, Money> minimums(WorkspaceId workspace, ProgramId program) {
        Map<Currency, Money> found = new LinkedHashMap<>();
        jdbc.sql("select currency, amount from payout_minimum where workspace_id = ? and program_id = ? order by currency")
                .params(workspace.value(), program.value())
                .query((rs, n) -> {
                    Currency c = Currency.getInstance(rs.getString("currency"));
                    return found.put(c, new Money(rs.getLong("amount"), c));
                }).list();
        return found;
    }

    public Optional<PayoutSettings.Billing> billing(WorkspaceId workspace, PartnerId partner) {
        return jdbc.sql("select legal_name, address, country, vat_id from partner_billing"
                        + " where workspace_id = ? and partner_id = ?")
                .params(workspace.value(), partner.value())
                .query((rs, n) -> new PayoutSettings.Billing(rs.getString("legal_name"), rs.getString("address"),
                        rs.getString("country"), rs.getString("vat_id")))
                .optional();
    }

    public void saveBilling(WorkspaceId workspace, PartnerId partner, PayoutSettings.Billing b, Instant at) {
        jdbc.sql("insert into partner_billing (workspace_id, partner_id, legal_name, address, country, vat_id, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict (workspace_id, partner_id) do update set"
                        + " legal_name = excluded.legal_name, address = excluded.address, country = excluded.country,"
                        + " vat_id = excluded.vat_id, updated_at = excluded.updated_at")
                .params(workspace.value(), partner.value(), b.legalName(), b.address(), b.country(), b.vatId(),
                        Timestamp.from(at))
                .update();
    }
}
