package dev.tandem.workspace.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import dev.tandem.core.ListRequest;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditEntry;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WorkspaceId workspace, AuditEntry entry) {
        jdbc.sql("insert into audit_event (workspace_id, id, occurred_at, actor_kind, actor_id, actor_name, action,"
                        + " subject, details, ip) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)")
                .params(workspace.value(), entry.id(), Timestamp.from(entry.occurredAt()),
                        entry.actor().kind().name().toLowerCase(), entry.actor().id(), entry.actor().name(),
                        entry.action(), entry.subject(), entry.details(), entry.ip())
                .update();
    }

    /** One page of the workspace's audit log in the whitelisted order the request carries. */
    public List<AuditEntry> sorted(WorkspaceId workspace, ListRequest page) {
        return jdbc.sql("select id, occurred_at, actor_kind, actor_id, actor_name, action, subject, details::text, ip"
                        + " from audit_event where workspace_id = ? order by " + page.orderBy() + " limit ? offset ?")
                .params(workspace.value(), page.size(), page.offset())
                .query((rs, n) -> new AuditEntry(rs.getObject("id", UUID.class),
                        rs.getTimestamp("occurred_at").toInstant(),
                        new Actor(Actor.Kind.valueOf(rs.getString("actor_kind").toUpperCase()),
                                rs.getObject("actor_id", UUID.class), rs.getString("actor_name")),
                        rs.getString("action"), rs.getString("subject"), rs.getString("details"), rs.getString("ip")))
                .list();
    }

    public long count(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from audit_event where workspace_id = ?").params(workspace.value())
                .query(Long.class).single();
    }
}
