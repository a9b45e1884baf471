package dev.tandem.workspace.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.core.Language;
import dev.tandem.workspace.Workspace;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class WorkspaceRepository {

    private final JdbcClient jdbc;

    WorkspaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Workspace workspace) {
        jdbc.sql("insert into workspace (id, name, default_locale, created_at) values (?, ?, ?, ?)")
                .params(workspace.id().value(), workspace.name(), workspace.defaultLanguage().tag(),
                        Timestamp.from(workspace.createdAt()))
                .update();
    }

    public Optional<Workspace> find(WorkspaceId id) {
        return jdbc.sql("select id, name, default_locale, created_at from workspace where id = ?")
                .param(id.value())
                .query((rs, n) -> new Workspace(new WorkspaceId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        Language.fromTag(rs.getString("default_locale")).orElse(Language.EN),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    public void update(WorkspaceId id, String name, Language defaultLanguage) {
        jdbc.sql("update workspace set name = ?, default_locale = ? where id = ?")
                .params(name, defaultLanguage.tag(), id.value())
                .update();
    }

    /** Whether first-run setup has happened: some workspace has an owner. */
    public boolean anyOwnerExists() {
        return jdbc.sql("select exists (select 1 from staff_user where role = 'owner')").query(Boolean.class).single();
    }

    /** Serialises first-run setup across nodes for the current transaction. */
    public void lockFirstRun() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('tandem.first-run'))").query().singleRow();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
