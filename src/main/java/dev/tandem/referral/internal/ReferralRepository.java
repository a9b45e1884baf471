package dev.tandem.referral.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.ListRequest;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.Customer;
import dev.tandem.referral.CustomerId;
import dev.tandem.referral.EventId;
import dev.tandem.referral.Referral;
import dev.tandem.referral.ReferralId;
import dev.tandem.referral.ReferralStatus;
import dev.tandem.referral.ReferralStatusChange;
import dev.tandem.tracking.LinkId;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.tandem.referral.internal.Rows.id;
import static dev.tandem.referral.internal.Rows.instant;
import static dev.tandem.referral.internal.Rows.ts;
import static dev.tandem.referral.internal.Rows.uuid;
import static dev.tandem.referral.internal.Rows.value;

/** Referrals (one per customer and program) and their status history. */
@Repository
public class ReferralRepository {

    private static final String COLUMNS = "r.workspace_id, r.id, r.program_id, r.partner_id, r.customer_id, r.link_id,"
            + " r.status, r.attributed_by, r.first_sale_at, r.created_at, r.updated_at";
    private static final String CUSTOMER_COLUMNS = "c.external_id as c_external_id, c.email as c_email,"
            + " c.name as c_name, c.company as c_company, c.created_at as c_created_at";

    private final JdbcClient jdbc;
    private final dev.tandem.core.WriteBehind writeBehind;

    ReferralRepository(JdbcClient jdbc, dev.tandem.core.WriteBehind writeBehind) {
        this.writeBehind = writeBehind;
        this.jdbc = jdbc;
    }

    /** A referral with its customer, as lists show it. */
    public record WithCustomer(Referral referral, Customer customer) {
    }

    public Optional<Referral> find(WorkspaceId workspace, ReferralId id) {
        return jdbc.sql("select " + COLUMNS + " from referral r where r.workspace_id = ? and r.id = ?")
                .params(workspace.value(), id.value())
                .query(ReferralRepository::map).optional();
    }

    /** Locks the row until the transaction ends, so two moves of one referral never interleave. */
    public Optional<Referral> findForUpdate(WorkspaceId workspace, ReferralId id) {
        return jdbc.sql("select " + COLUMNS + " from referral r where r.workspace_id = ? and r.id = ? for update")
                .params(workspace.value(), id.value())
                .query(ReferralRepository::map).optional();
    }

    public Optional<Referral> find(WorkspaceId workspace, ProgramId program, CustomerId customer) {
        return jdbc.sql("select " + COLUMNS + " from referral r where r.workspace_id = ? and r.program_id = ?"
                        + " and r.customer_id = ?")
                .params(workspace.value(), program.value(), customer.value())
                .query(ReferralRepository::map).optional();
    }

    public List<Referral> ofCustomer(WorkspaceId workspace, CustomerId customer) {
        return jdbc.sql("select " + COLUMNS + " from referral r where r.workspace_id = ? and r.customer_id = ?"
                        + " order by r.updated_at desc")
                .params(workspace.value(), customer.value())
                .query(ReferralRepository::map).list();
    }

    /** False when the customer already has a referral in the program. */
    public boolean insert(Referral r) {
        String insert = "insert into referral (workspace_id, id, program_id, partner_id, customer_id, link_id, status,"
                + " attributed_by, first_sale_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        Object[] params = {r.workspaceId().value(), r.id().value(), r.programId().value(), r.partnerId().value(),
                r.customerId().value(), value(r.linkId()), r.status().code(), r.attributedBy(), ts(r.firstSaleAt()),
                ts(r.createdAt()), ts(r.updatedAt())};
        if (writeBehind.holding()) {
            // a twin made meanwhile fails the intake's whole group, which then goes one by one
            writeBehind.insert("referral", insert, params);
            return true;
        }
        return jdbc.sql(insert + " on conflict do nothing").params(params).update() == 1;
    }

    public void update(Referral r) {
        jdbc.sql("update referral set partner_id = ?, link_id = ?, status = ?, attributed_by = ?, first_sale_at = ?,"
                        + " updated_at = ? where workspace_id = ? and id = ?")
                .params(r.partnerId().value(), value(r.linkId()), r.status().code(), r.attributedBy(),
                        ts(r.firstSaleAt()), ts(r.updatedAt()), r.workspaceId().value(), r.id().value())
                .update();
    }

    public void recordChange(WorkspaceId workspace, ReferralId referral, Instant at, ReferralStatus from,
            ReferralStatus to, String reason, EventId event, Actor by) {
        writeBehind.insert("referral_status_change", "insert into referral_status_change (workspace_id, id, referral_id,"
                        + " occurred_at, from_status, to_status, reason, event_id, actor_kind, actor_id, actor_name)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                workspace.value(), Ids.newId(), referral.value(), ts(at), from == null ? null : from.code(),
                to.code(), reason == null ? "" : reason, value(event), by.kind().name().toLowerCase(Locale.ROOT),
                by.id(), by.name());
    }

    public List<ReferralStatusChange> history(WorkspaceId workspace, ReferralId referral) {
        return jdbc.sql("select occurred_at, from_status, to_status, reason, event_id, actor_name"
                        + " from referral_status_change where workspace_id = ? and referral_id = ? order by occurred_at, id")
                .params(workspace.value(), referral.value())
                .query((rs, row) -> new ReferralStatusChange(instant(rs, "occurred_at"),
                        status(rs.getString("from_status")), status(rs.getString("to_status")), rs.getString("reason"),
                        id(rs, "event_id", EventId::new),
                        rs.getString("actor_name")))
                .list();
    }

    /** Newest first, after the cursor; {@code search} matches the customer's email, name, external id or company. */
    public List<WithCustomer> list(WorkspaceId workspace, ProgramId program, PartnerId partner, ReferralStatus status,
            String search, UUID startingAfter, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", " + CUSTOMER_COLUMNS + FROM_FILTERED);
        List<Object> params = filtered(sql, workspace, program, partner, status, search);
        if (startingAfter != null) {
            sql.append(" and r.id < ?");
            params.add(startingAfter);
        }
        sql.append(" order by r.id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(ReferralRepository::withCustomer).list();
    }

    /** One page of the filtered referrals in the whitelisted order the request carries. */
    public List<WithCustomer> sorted(WorkspaceId workspace, ProgramId program, PartnerId partner,
            ReferralStatus status, String search, ListRequest page) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", " + CUSTOMER_COLUMNS + FROM_FILTERED);
        List<Object> params = filtered(sql, workspace, program, partner, status, search);
        sql.append(" order by ").append(page.orderBy()).append(" limit ? offset ?");
        params.add(page.size());
        params.add(page.offset());
        return jdbc.sql(sql.toString()).params(params).query(ReferralRepository::withCustomer).list();
    }

    /** How many referrals the filter keeps. */
    public long count(WorkspaceId workspace, ProgramId program, PartnerId partner, ReferralStatus status,
            String search) {
        StringBuilder sql = new StringBuilder("select count(*)" + FROM_FILTERED);
        List<Object> params = filtered(sql, workspace, program, partner, status, search);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static final String FROM_FILTERED =
            " from referral r join customer c on c.workspace_id = r.workspace_id and c.id = r.customer_id"
                    + " where r.workspace_id = ?";

    // appends the filter's conditions to a query ending in FROM_FILTERED; answers its parameters
    private static List<Object> filtered(StringBuilder sql, WorkspaceId workspace, ProgramId program,
            PartnerId partner, ReferralStatus status, String search) {
        List<Object> params = new ArrayList<>(List.of(workspace.value()));
        if (program != null) {
            sql.append(" and r.program_id = ?");
            params.add(program.value());
        }
        if (partner != null) {
            sql.append(" and r.partner_id = ?");
            params.add(partner.value());
        }
        if (status != null) {
            sql.append(" and r.status = ?");
            params.add(status.code());
        }
        if (search != null && !search.isBlank()) {
            String like = "%" + search.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            sql.append(" and (c.email like ? or lower(c.name) like ? or lower(coalesce(c.external_id, '')) like ?"
                    + " or lower(c.company) like ?)");
            params.addAll(List.of(like, like, like, like));
        }
        return params;
    }

    /** The customers with this email that have a referral in the program, oldest first. */
    public Optional<WithCustomer> byEmail(WorkspaceId workspace, ProgramId program, String email) {
        return jdbc.sql("select " + COLUMNS + ", " + CUSTOMER_COLUMNS
                        + " from referral r join customer c on c.workspace_id = r.workspace_id and c.id = r.customer_id"
                        + " where r.workspace_id = ? and r.program_id = ? and c.email = ? order by r.created_at limit 1")
                .params(workspace.value(), program.value(), email)
                .query(ReferralRepository::withCustomer).optional();
    }

    /** A referral with its customer, from {@link #COLUMNS} and {@link #CUSTOMER_COLUMNS}. */
    private static WithCustomer withCustomer(ResultSet rs, int row) throws SQLException {
        Referral referral = map(rs, row);
        return new WithCustomer(referral, new Customer(referral.workspaceId(), referral.customerId(),
                rs.getString("c_external_id"), rs.getString("c_email"), rs.getString("c_name"),
                rs.getString("c_company"), instant(rs, "c_created_at")));
    }

    static Referral map(ResultSet rs, int row) throws SQLException {
        return new Referral(new WorkspaceId(uuid(rs, "workspace_id")), new ReferralId(uuid(rs, "id")),
                new ProgramId(uuid(rs, "program_id")), new PartnerId(uuid(rs, "partner_id")),
                new CustomerId(uuid(rs, "customer_id")), id(rs, "link_id", LinkId::new),
                status(rs.getString("status")), rs.getString("attributed_by"), instant(rs, "first_sale_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static ReferralStatus status(String code) {
        return code == null ? null : ReferralStatus.fromCode(code).orElseThrow();
    }
}
