package dev.tandem.workspace;

import java.util.Map;
import java.util.UUID;

import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class TeamTest extends IntegrationTest {

    private static final String MEMBER_PASSWORD = "a long enough password";

    @Autowired
    Fixtures fixtures;

    private Fixtures.Tenant acme;
    private WebClient owner;

    @BeforeEach
    void workspaceWithSignedInOwner() {
        resetDatabase();
        acme = fixtures.tenant("Acme");
        owner = signedIn(acme.ownerEmail(), Fixtures.PASSWORD);
    }

    @Test
    void anOwnerAddsAManagerWhoCanSignInAndRunProgramsButNotManageTheTeam() {
        WebClient.Page added = add(owner, "Mia Manager", "mia@acme.test", "MANAGER", MEMBER_PASSWORD);

        assertThat(added.location()).isEqualTo("/admin/team");
        WebClient.Page team = owner.get("/admin/team");
        assertThat(team.body()).contains("Team member added.").contains("Mia Manager").contains("mia@acme.test");
        assertThat(roleOf("mia@acme.test")).isEqualTo("manager");

        WebClient mia = browser();
        assertThat(mia.login("mia@acme.test", MEMBER_PASSWORD).location()).endsWith("/admin");
        WebClient.Page home = mia.get("/admin");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Welcome, Mia Manager").contains("Acme");
        assertThat(mia.get("/admin/team").status()).isEqualTo(403);
        assertThat(mia.get("/admin/audit").status()).isEqualTo(403);
    }

    @Test
    void anEmailThatAlreadyHasAnAccountInAnyWorkspaceIsRefusedOnTheEmailField() {
        Fixtures.Tenant globex = fixtures.tenant("Globex");

        WebClient.Page page = add(owner, "Someone", globex.ownerEmail().toUpperCase(), "MANAGER", MEMBER_PASSWORD);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Email already has a staff account");
        assertThat(jdbc.sql("select count(*) from staff_user where lower(email) = ?")
                .param(globex.ownerEmail().toLowerCase()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from staff_user where workspace_id = ?")
                .param(acme.ids().workspaceId().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEmailAlreadyInThisWorkspaceIsRefusedToo() {
        add(owner, "Mia Manager", "mia@acme.test", "MANAGER", MEMBER_PASSWORD);

        WebClient.Page again = add(owner, "Mia Again", "mia@acme.test", "VIEWER", MEMBER_PASSWORD);

        assertThat(again.body()).contains("Email already has a staff account");
        assertThat(jdbc.sql("select count(*) from staff_user where email = 'mia@acme.test'").query(Long.class)
                .single()).isEqualTo(1);
        assertThat(roleOf("mia@acme.test")).isEqualTo("manager");
    }

    @Test
    void aTooShortPasswordIsNamedOnThePasswordFieldAndNothingIsStored() {
        WebClient.Page page = add(owner, "Shorty", "shorty@acme.test", "MANAGER", "short");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Password needs at least 12 characters");
        assertThat(jdbc.sql("select count(*) from staff_user where email = 'shorty@acme.test'").query(Long.class)
                .single()).isZero();
        assertThat(browser().login("shorty@acme.test", "short").location()).isEqualTo("/login?error");
    }

    @Test
    void anAdminCannotMakeAnyoneAnOwner() {
        add(owner, "Adam Admin", "adam@acme.test", "ADMIN", MEMBER_PASSWORD);
        add(owner, "Mia Manager", "mia@acme.test", "MANAGER", MEMBER_PASSWORD);
        WebClient adam = signedIn("adam@acme.test", MEMBER_PASSWORD);

        WebClient.Page team = adam.get("/admin/team");
        assertThat(team.status()).isEqualTo(200);
        assertThat(team.body()).doesNotContain("value=\"OWNER\"");

        WebClient.Page newOwner = adam.post("/admin/team", Map.of("name", "Olga", "email", "olga@acme.test",
                "role", "OWNER", "password", MEMBER_PASSWORD));
        assertThat(newOwner.status()).isEqualTo(200);
        assertThat(newOwner.body()).contains("Only an owner can add, change or deactivate an owner.");
        assertThat(jdbc.sql("select count(*) from staff_user where email = 'olga@acme.test'").query(Long.class)
                .single()).isZero();

        adam.get("/admin/team");
        WebClient.Page promotion = adam.post("/admin/team/" + idOf("mia@acme.test") + "/role", Map.of("role", "OWNER"));
        assertThat(promotion.location()).isEqualTo("/admin/team");
        assertThat(adam.get("/admin/team").body()).contains("Only an owner can add, change or deactivate an owner.");
        assertThat(roleOf("mia@acme.test")).isEqualTo("manager");
        assertThat(jdbc.sql("select count(*) from staff_user where role = 'owner' and workspace_id = ?")
                .param(acme.ids().workspaceId().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theLastOwnerCannotBeDemotedButOneOfTwoOwnersCan() {
        String ownerId = idOf(acme.ownerEmail());

        owner.get("/admin/team");
        WebClient.Page refused = owner.post("/admin/team/" + ownerId + "/role", Map.of("role", "MANAGER"));
        assertThat(refused.location()).isEqualTo("/admin/team");
        assertThat(owner.get("/admin/team").body()).contains("A workspace must keep at least one owner.");
        assertThat(roleOf(acme.ownerEmail())).isEqualTo("owner");

        add(owner, "Mia Manager", "mia@acme.test", "MANAGER", MEMBER_PASSWORD);
        owner.get("/admin/team");
        owner.post("/admin/team/" + idOf("mia@acme.test") + "/role", Map.of("role", "OWNER"));
        assertThat(owner.get("/admin/team").body()).contains("Role changed.");
        assertThat(roleOf("mia@acme.test")).isEqualTo("owner");

        WebClient mia = signedIn("mia@acme.test", MEMBER_PASSWORD);
        mia.get("/admin/team");
        mia.post("/admin/team/" + ownerId + "/role", Map.of("role", "ADMIN"));
        assertThat(mia.get("/admin/team").body()).contains("Role changed.")
                .doesNotContain("A workspace must keep at least one owner.");
        assertThat(roleOf(acme.ownerEmail())).isEqualTo("admin");
        assertThat(roleOf("mia@acme.test")).isEqualTo("owner");
    }

    @Test
    void roleChangesAreRecordedInTheAuditLog() {
        add(owner, "Mia Manager", "mia@acme.test", "MANAGER", MEMBER_PASSWORD);
        String mia = idOf("mia@acme.test");
        owner.get("/admin/team");
        owner.post("/admin/team/" + mia + "/role", Map.of("role", "VIEWER"));

        WebClient.Page audit = owner.get("/admin/audit");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).contains("staff.added").contains("staff.role_changed").contains(mia);
        Map<String, Object> entry = jdbc.sql("select actor_name, details->>'from' as from_role,"
                        + " details->>'to' as to_role from audit_event where action = 'staff.role_changed' and subject = ?")
                .param(mia).query().singleRow();
        assertThat(entry).containsEntry("actor_name", "Acme Owner").containsEntry("from_role", "manager")
                .containsEntry("to_role", "viewer");
    }

    @Test
    void aRefusedRoleChangeLeavesNoAuditEntry() {
        owner.get("/admin/team");
        owner.post("/admin/team/" + idOf(acme.ownerEmail()) + "/role", Map.of("role", "VIEWER"));

        assertThat(jdbc.sql("select count(*) from audit_event where action = 'staff.role_changed'").query(Long.class)
                .single()).isZero();
    }

    private WebClient signedIn(String email, String password) {
        WebClient browser = browser();
        assertThat(browser.login(email, password).location()).as("sign-in of %s", email).endsWith("/admin");
        return browser;
    }

    private static WebClient.Page add(WebClient by, String name, String email, String role, String password) {
        by.get("/admin/team");
        return by.post("/admin/team", Map.of("name", name, "email", email, "role", role, "password", password));
    }

    private String idOf(String email) {
        return new StaffUserId(jdbc.sql("select id from staff_user where email = ?").param(email.toLowerCase())
                .query(UUID.class).single()).toString();
    }

    private String roleOf(String email) {
        return jdbc.sql("select role from staff_user where email = ?").param(email.toLowerCase()).query(String.class)
                .single();
    }
}
