package dev.tandem.referral.internal;

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
import dev.tandem.program.ProgramId;
import dev.tandem.referral.CustomerId;
import dev.tandem.referral.DealConflict;
import dev.tandem.referral.DealId;
import dev.tandem.referral.DealRegistration;
import dev.tandem.referral.DealStatus;
import dev.tandem.referral.Deals;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deal registrations, each read with its partner's and program's names. Decisions only change a
 * registration that is still submitted, so two managers deciding at once cannot both win.
 */
@Repository
public class DealRepository {

    private static final String SELECT = "select d.workspace_id, d.id, d.program_id, d.partner_id, d.company,"
            + " d.contact_name, d.email, d.expected_amount, d.expected_currency, d.notes, d.status, d.decision_reason,"
            + " d.conflict::text as conflict, d.decided_by, d.decided_at, d.customer_id, d.created_at,"
            + " p.name as partner_name, g.name as program_name"
            + " from deal_registration d"
            + " join partner p on p.workspace_id = d.workspace_id and p.id = d.partner_id"
            + " join program g on g.workspace_id = d.workspace_id and g.id = d.program_id";

    private final JdbcClient jdbc;

    DealRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(DealRegistration d) {
        jdbc.sql("insert into deal_registration (workspace_id, id, program_id, partner_id, company, contact_name, email,"
                        + " expected_amount, expected_currency, notes, status, conflict, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)")
                .params(d.workspaceId().value(), d.id().value(), d.programId().value(), d.partnerId().value(),
                        d.company(), d.contactName(), d.email(),
                        d.expectedValue() == null ? null : d.expectedValue().amount(),
                        d.expectedValue() == null ? null : d.expectedValue().currency().getCurrencyCode(), d.notes(),
                        d.status().code(), DealConflictJson.write(d.conflict()), Timestamp.from(d.createdAt()))
                .update();
    }

    public Optional<Deals.Row> find(WorkspaceId workspace, DealId id) {
        return jdbc.sql(SELECT + " where d.workspace_id = ? and d.id = ?").params(workspace.value(), id.value())
                .query(DealRepository::row).optional();
    }

    /** Newest first, optionally in one status, after the registration {@code after}. */
    public List<Deals.Row> list(WorkspaceId workspace, DealStatus status, UUID after, int limit) {
        return jdbc.sql(SELECT + " where d.workspace_id = ? and (? = '' or d.status = ?)"
                        + " and (?::uuid is null or d.id < ?::uuid) order by d.id desc limit ?")
                .params(workspace.value(), status == null ? "" : status.code(), status == null ? "" : status.code(),
                        after, after, limit)
                .query(DealRepository::row).list();
    }

    /** The ones waiting for a decision, oldest first: the manager's queue. */
    public List<Deals.Row> submitted(WorkspaceId workspace, int limit) {
        return jdbc.sql(SELECT + " where d.workspace_id = ? and d.status = 'submitted' order by d.id limit ?")
                .params(workspace.value(), limit).query(DealRepository::row).list();
    }

    /** One page of the decided ones (and expired), in the whitelisted order the request carries. */
    public List<Deals.Row> decided(WorkspaceId workspace, ListRequest page) {
        return jdbc.sql(SELECT + " where d.workspace_id = ? and d.status <> 'submitted' order by " + page.orderBy()
                        + " limit ? offset ?")
                .params(workspace.value(), page.size(), page.offset()).query(DealRepository::row).list();
    }

    /** How many registrations are decided (or expired). */
    public long countDecided(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from deal_registration where workspace_id = ? and status <> 'submitted'")
                .params(workspace.value()).query(Long.class).single();
    }

    public List<Deals.Row> ofPartner(WorkspaceId workspace, PartnerId partner, int limit) {
        return jdbc.sql(SELECT + " where d.workspace_id = ? and d.partner_id = ? order by d.id desc limit ?")
                .params(workspace.value(), partner.value(), limit).query(DealRepository::row).list();
    }

    /**
     * Other partners' live (submitted or accepted) registrations in the program since {@code since}
     * of the same email, or of an address at {@code domain} when one is given (blank for none).
     */
    public List<DealConflict.Registration> overlapping(WorkspaceId workspace, ProgramId program, PartnerId partner,
            String email, String domain, Instant since) {
        return jdbc.sql("select d.id, d.partner_id, p.name, d.created_at,"
                        + " case when d.email = ? then 'email' else 'domain' end as match"
                        + " from deal_registration d"
                        + " join partner p on p.workspace_id = d.workspace_id and p.id = d.partner_id"
                        + " where d.workspace_id = ? and d.program_id = ? and d.partner_id <> ?"
                        + " and d.status in ('submitted', 'accepted') and d.created_at >= ?"
                        + " and (d.email = ? or (? <> '' and split_part(d.email, '@', 2) = ?))"
                        + " order by d.created_at limit 20")
                .params(email, workspace.value(), program.value(), partner.value(), Timestamp.from(since), email,
                        domain, domain)
                .query((rs, n) -> new DealConflict.Registration(new DealId(rs.getObject("id", UUID.class)),
                        new PartnerId(rs.getObject("partner_id", UUID.class)), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("match")))
                .list();
    }

    /** Records a decision on a submitted registration; false when it was no longer submitted. */
    public boolean decide(WorkspaceId workspace, DealId id, DealStatus to, String reason, String decidedBy,
            Instant decidedAt, CustomerId customer) {
        return jdbc.sql("update deal_registration set status = ?, decision_reason = ?, decided_by = ?, decided_at = ?,"
                        + " customer_id = coalesce(?, customer_id)"
                        + " where workspace_id = ? and id = ? and status = 'submitted'")
                .params(to.code(), reason, decidedBy, Timestamp.from(decidedAt),
                        Rows.value(customer), workspace.value(), id.value())
                .update() == 1;
    }

    /**
     * Marks the workspace's submitted registrations that nobody decided within their program's
     * attribution window as expired, as of the end of the window.
     */
    public int expire(WorkspaceId workspace, Instant now) {
        return jdbc.sql("update deal_registration d set status = 'expired', decided_by = 'Tandem',"
                        + " decided_at = d.created_at + make_interval(days => g.attribution_window_days)"
                        + " from program g where g.workspace_id = d.workspace_id and g.id = d.program_id"
                        + " and d.workspace_id = ? and d.status = 'submitted'"
                        + " and d.created_at + make_interval(days => g.attribution_window_days) < ?")
                .params(workspace.value(), Timestamp.from(now)).update();
    }

    private static Deals.Row row(ResultSet rs, int n) throws SQLException {
        long amount = rs.getLong("expected_amount");
        Money expected = rs.wasNull() ? null
                : new Money(amount, Currency.getInstance(rs.getString("expected_currency").trim()));
        UUID customer = rs.getObject("customer_id", UUID.class);
        DealRegistration deal = new DealRegistration(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new DealId(rs.getObject("id", UUID.class)), new ProgramId(rs.getObject("program_id", UUID.class)),
                new PartnerId(rs.getObject("partner_id", UUID.class)), rs.getString("company"),
                rs.getString("contact_name"), rs.getString("email"), expected, rs.getString("notes"),
                DealStatus.fromCode(rs.getString("status")).orElseThrow(), rs.getString("decision_reason"),
                DealConflictJson.read(rs.getString("conflict")), rs.getString("decided_by"),
                Rows.instant(rs, "decided_at"), customer == null ? null : new CustomerId(customer),
                rs.getTimestamp("created_at").toInstant());
        return new Deals.Row(deal, rs.getString("partner_name"), rs.getString("program_name"));
    }
}
