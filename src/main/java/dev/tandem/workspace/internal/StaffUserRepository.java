package dev.tandem.workspace.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.core.Language;
import dev.tandem.workspace.Role;
import dev.tandem.workspace.StaffUserId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class StaffUserRepository {

    private static final String COLUMNS =
            "workspace_id, id, email, name, role, password_hash, locale, created_at, disabled_at";

    private final JdbcClient jdbc;

    StaffUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the account; false when the email is already taken (by anyone, in any workspace). */
    public boolean insert(StaffUser user) {
        return jdbc.sql("insert into staff_user (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (email) do nothing")
                .params(user.workspaceId().value(), user.id().value(), user.email(), user.name(), user.role().code(),
                        user.passwordHash(), user.language() == null ? null : user.language().tag(),
                        Timestamp.from(user.createdAt()), WorkspaceRepository.ts(user.disabledAt()))
                .update() == 1;
    }

    /** Sign-in looks people up by email alone; everything after that is scoped by their workspace. */
    public Optional<StaffUser> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where email = ?")
                .param(email.trim().toLowerCase())
                .query(StaffUserRepository::map)
                .optional();
    }

    public Optional<StaffUser> find(WorkspaceId workspace, StaffUserId id) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(StaffUserRepository::map)
                .optional();
    }

    public List<StaffUser> list(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from staff_user where workspace_id = ?"
                        + " order by disabled_at nulls first, lower(name), id")
                .param(workspace.value())
                .query(StaffUserRepository::map)
                .list();
    }

    public int countActiveOwners(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from staff_user where workspace_id = ? and role = 'owner' and disabled_at is null")
                .param(workspace.value())
                .query(Integer.class)
                .single();
    }

    public void updateRole(WorkspaceId workspace, StaffUserId id, Role role) {
        jdbc.sql("update staff_user set role = ? where workspace_id = ? and id = ?")
                .params(role.code(), workspace.value(), id.value())
                .update();
    }

    public void updateDisabledAt(WorkspaceId workspace, StaffUserId id, Instant disabledAt) {
        jdbc.sql("update staff_user set disabled_at = ? where workspace_id = ? and id = ?")
                .params(WorkspaceRepository.ts(disabledAt), workspace.value(), id.value())
                .update();
    }

    public void updateLanguage(WorkspaceId workspace, StaffUserId id, Language language) {
        jdbc.sql("update staff_user set locale = ? where workspace_id = ? and id = ?")
                .params(language == null ? null : language.tag(), workspace.value(), id.value())
                .update();
    }

    public void updatePasswordHash(WorkspaceId workspace, StaffUserId id, String passwordHash) {
        jdbc.sql("update staff_user set password_hash = ? where workspace_id = ? and id = ?")
                .params(passwordHash, workspace.value(), id.value())
                .update();
    }

    private static StaffUser map(ResultSet rs, int row) throws SQLException {
        Timestamp disabled = rs.getTimestamp("disabled_at");
        return new StaffUser(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new StaffUserId(rs.getObject("id", UUID.class)), rs.getString("email"), rs.getString("name"),
                Role.fromCode(rs.getString("role")), rs.getString("password_hash"),
                Language.fromTag(rs.getString("locale")).orElse(null), rs.getTimestamp("created_at").toInstant(),
                disabled == null ? null : disabled.toInstant());
    }
}
