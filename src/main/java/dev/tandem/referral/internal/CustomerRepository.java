package dev.tandem.referral.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import dev.tandem.referral.Customer;
import dev.tandem.referral.CustomerId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.tandem.referral.internal.Rows.instant;
import static dev.tandem.referral.internal.Rows.ts;
import static dev.tandem.referral.internal.Rows.uuid;

/** Customers as the intake knows them: by the business's own id, then by email. */
@Repository
public class CustomerRepository {

    private static final String COLUMNS = "workspace_id, id, external_id, email, name, company, created_at";

    private final JdbcClient jdbc;
    private final dev.tandem.core.WriteBehind writeBehind;

    CustomerRepository(JdbcClient jdbc, dev.tandem.core.WriteBehind writeBehind) {
        this.writeBehind = writeBehind;
        this.jdbc = jdbc;
    }

    public Optional<Customer> find(WorkspaceId workspace, CustomerId id) {
        return jdbc.sql("select " + COLUMNS + " from customer where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(CustomerRepository::map).optional();
    }

    public Optional<Customer> byExternalId(WorkspaceId workspace, String externalId) {
        return jdbc.sql("select " + COLUMNS + " from customer where workspace_id = ? and external_id = ?")
                .params(workspace.value(), externalId)
                .query(CustomerRepository::map).optional();
    }

    /**
     * The customer with this external id, else the oldest with this email whose external id does
     * not contradict (one round trip for the intake's hot path).
     */
    public Optional<Customer> byExternalIdOrEmail(WorkspaceId workspace, String externalId, String email) {
        return jdbc.sql("select " + COLUMNS + " from customer where workspace_id = ? and (external_id = ?"
                        + " or (email = ? and (external_id is null or ?::text is null)))"
                        + " order by (external_id is not distinct from ?) desc, created_at, id limit 1")
                .params(workspace.value(), externalId, email, externalId, externalId)
                .query(CustomerRepository::map).optional();
    }

    /**
     * {@link #byExternalIdOrEmail} for many keys in one statement: the customer for each (workspace,
     * externalId, email), in the order given, null where none.
     */
    public java.util.List<Customer> byExternalIdOrEmail(java.util.List<java.util.UUID> workspaces,
            java.util.List<String> externalIds, java.util.List<String> emails) {
        Customer[] found = new Customer[workspaces.size()];
        jdbc.sql("select k.n, c.* from unnest(?::uuid[], ?::text[], ?::text[]) with ordinality as k (ws, ext, mail, n)"
                        + " join lateral (select " + COLUMNS + " from customer where workspace_id = k.ws and (external_id = k.ext"
                        + " or (email = k.mail and (external_id is null or k.ext is null)))"
                        + " order by (external_id is not distinct from k.ext) desc, created_at, id limit 1) c on true")
                .params(workspaces.stream().map(java.util.UUID::toString).toArray(String[]::new),
                        externalIds.toArray(String[]::new), emails.toArray(String[]::new))
                .query((rs, row) -> found[(int) rs.getLong("n") - 1] = map(rs, row)).list();
        return java.util.Arrays.asList(found);
    }

    /** False when another request created a customer with this external id first. */
    public boolean insert(Customer c) {
        if (writeBehind.holding()) {
            // held with the intake's other rows: a twin made meanwhile fails the whole group, which then goes one by one
            writeBehind.insert("customer", "insert into customer (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)",
                    c.workspaceId().value(), c.id().value(), c.externalId(), c.email(), c.name(), c.company(),
                    ts(c.createdAt()));
            return true;
        }
        return jdbc.sql("insert into customer (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(c.workspaceId().value(), c.id().value(), c.externalId(), c.email(), c.name(), c.company(),
                        ts(c.createdAt()))
                .update() == 1;
    }

    public void update(Customer c) {
        jdbc.sql("update customer set external_id = ?, email = ?, name = ?, company = ? where workspace_id = ? and id = ?")
                .params(c.externalId(), c.email(), c.name(), c.company(), c.workspaceId().value(), c.id().value())
                .update();
    }

    static Customer map(ResultSet rs, int row) throws SQLException {
        return new Customer(new WorkspaceId(uuid(rs, "workspace_id")), new CustomerId(uuid(rs, "id")),
                rs.getString("external_id"), rs.getString("email"), rs.getString("name"), rs.getString("company"),
                instant(rs, "created_at"));
    }
}
