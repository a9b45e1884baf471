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

    CustomerRepository(JdbcClient jdbc) {
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

    /** False when another request created a customer with this external id first. */
    public boolean insert(Customer c) {
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
