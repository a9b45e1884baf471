package dev.tandem.workspace;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class TenantIsolationTest extends IntegrationTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void anOwnerCannotRevokeAnotherWorkspacesKey() {
        Fixtures.Tenant a = fixtures.tenant("Alpha Revoke");
        Fixtures.Tenant b = fixtures.tenant("Bravo Revoke");
        String bKey = Ids.format("key", onlyKeyOf(b));
        WebClient alpha = signedIn(a);

        alpha.get("/admin/api-keys");
        WebClient.Page attempt = alpha.post("/admin/api-keys/" + bKey + "/revoke", Map.of());

        assertThat(jdbc.sql("select revoked_at is null from api_key where id = ?").param(onlyKeyOf(b))
                .query(Boolean.class).single()).as("B's key is still active").isTrue();
        ApiClient.Answer bStillWorks = api(b.apiKey()).get("/api/v1/workspace");
        assertThat(bStillWorks.status()).isEqualTo(200);
        assertThat(bStillWorks.json().get("name").asString()).isEqualTo("Bravo Revoke");
        assertThat(auditSubjects(a)).noneMatch(entry -> entry.contains(bKey));
        assertThat(auditSubjects(b)).doesNotContain(bKey + ":api_key.revoked");
        assertThat(attempt.status()).as("answer to revoking another workspace's key").isEqualTo(404);
        assertThat(attempt.body()).doesNotContain("Bravo");
    }

    @Test
    void anOwnerCannotChangeTheRoleOfAnotherWorkspacesOwner() {
        Fixtures.Tenant a = fixtures.tenant("Alpha Role");
        Fixtures.Tenant b = fixtures.tenant("Bravo Role");
        String bOwner = b.ids().ownerId().toString();
        WebClient alpha = signedIn(a);

        alpha.get("/admin/team");
        WebClient.Page attempt = alpha.post("/admin/team/" + bOwner + "/role", Map.of("role", "VIEWER"));

        assertThat(ownerRow(b)).isEqualTo("owner:active");
        assertThat(signedIn(b).get("/admin/api-keys").status()).as("B's owner still manages keys").isEqualTo(200);
        assertThat(attempt.status()).as("answer to changing another workspace's owner").isEqualTo(404);
        assertThat(attempt.body()).doesNotContain("Bravo");
    }

    @Test
    void anOwnerCannotDeactivateAnotherWorkspacesOwner() {
        Fixtures.Tenant a = fixtures.tenant("Alpha Deactivate");
        Fixtures.Tenant b = fixtures.tenant("Bravo Deactivate");
        String bOwner = b.ids().ownerId().toString();
        WebClient alpha = signedIn(a);

        alpha.get("/admin/team");
        WebClient.Page attempt = alpha.post("/admin/team/" + bOwner + "/deactivate", Map.of());

        assertThat(ownerRow(b)).isEqualTo("owner:active");
        assertThat(browser().login(b.ownerEmail(), Fixtures.PASSWORD).location())
                .as("B's owner can still sign in").endsWith("/admin");
        assertThat(attempt.status()).as("answer to deactivating another workspace's owner").isEqualTo(404);
        assertThat(attempt.body()).doesNotContain("Bravo");
    }

    @Test
    void teamAndAuditPagesShowOnlyTheirOwnWorkspace() {
        Fixtures.Tenant a = fixtures.tenant("Alpha Pages");
        Fixtures.Tenant b = fixtures.tenant("Bravo Pages");
        UUID bKey = onlyKeyOf(b);
        String bManager = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@bravo-pages.test";
        WebClient bravo = signedIn(b);
        bravo.get("/admin/team");
        bravo.post("/admin/team", Map.of("name", "Bruno Manager", "email", bManager, "role", "MANAGER",
                "password", Fixtures.PASSWORD));
        api(b.apiKey()).patch("/api/v1/workspace", "{\"name\": \"Bravo Pages Renamed\"}");
        WebClient alpha = signedIn(a);

        WebClient.Page team = alpha.get("/admin/team");
        WebClient.Page audit = alpha.get("/admin/audit");
        WebClient.Page keys = alpha.get("/admin/api-keys");
        WebClient.Page home = alpha.get("/admin");

        assertThat(team.status()).isEqualTo(200);
        assertThat(team.body()).contains(a.ownerEmail()).contains("Alpha Pages Owner");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).contains("workspace.created").contains("api_key.created");
        for (WebClient.Page page : List.of(team, audit, keys, home)) {
            assertThat(page.body())
                    .contains("Alpha Pages")
                    .doesNotContain(b.ownerEmail())
                    .doesNotContain(bManager)
                    .doesNotContain("Bravo")
                    .doesNotContain(b.ids().workspaceId().toString())
                    .doesNotContain(b.ids().ownerId().toString())
                    .doesNotContain(Ids.format("key", bKey));
        }
    }

    @Test
    void anApiKeyAnswersAndChangesOnlyItsOwnWorkspace() {
        Fixtures.Tenant a = fixtures.tenant("Alpha Api");
        Fixtures.Tenant b = fixtures.tenant("Bravo Api");

        ApiClient.Answer alpha = api(a.apiKey()).get("/api/v1/workspace");
        assertThat(alpha.status()).isEqualTo(200);
        assertThat(alpha.json().get("id").asString()).isEqualTo(a.ids().workspaceId().toString());
        assertThat(alpha.json().get("name").asString()).isEqualTo("Alpha Api");
        assertThat(alpha.body()).doesNotContain("Bravo").doesNotContain(b.ids().workspaceId().toString());

        ApiClient.Answer renamed = api(a.apiKey())
                .patch("/api/v1/workspace", "{\"name\": \"Alpha Api Renamed\", \"defaultLanguage\": \"it\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("id").asString()).isEqualTo(a.ids().workspaceId().toString());

        assertThat(workspaceRow(a)).isEqualTo("Alpha Api Renamed:it");
        assertThat(workspaceRow(b)).isEqualTo("Bravo Api:en");
        ApiClient.Answer bravo = api(b.apiKey()).get("/api/v1/workspace");
        assertThat(bravo.json().get("id").asString()).isEqualTo(b.ids().workspaceId().toString());
        assertThat(bravo.json().get("name").asString()).isEqualTo("Bravo Api");
        assertThat(jdbc.sql("select count(*) from audit_event where workspace_id = ? and action = 'workspace.updated'")
                .param(b.ids().workspaceId().value()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where workspace_id = ? and action = 'workspace.updated'")
                .param(a.ids().workspaceId().value()).query(Long.class).single()).isEqualTo(1);
    }

    private WebClient signedIn(Fixtures.Tenant tenant) {
        WebClient browser = browser();
        assertThat(browser.login(tenant.ownerEmail(), Fixtures.PASSWORD).location()).endsWith("/admin");
        return browser;
    }

    private UUID onlyKeyOf(Fixtures.Tenant tenant) {
        return jdbc.sql("select id from api_key where workspace_id = ?").param(tenant.ids().workspaceId().value())
                .query(UUID.class).single();
    }

    private String ownerRow(Fixtures.Tenant tenant) {
        return jdbc.sql("select role || ':' || case when disabled_at is null then 'active' else 'disabled' end"
                        + " from staff_user where workspace_id = ? and id = ?")
                .params(tenant.ids().workspaceId().value(), tenant.ids().ownerId().value())
                .query(String.class).single();
    }

    private String workspaceRow(Fixtures.Tenant tenant) {
        return jdbc.sql("select name || ':' || default_locale from workspace where id = ?")
                .param(tenant.ids().workspaceId().value()).query(String.class).single();
    }

    private List<String> auditSubjects(Fixtures.Tenant tenant) {
        return jdbc.sql("select coalesce(subject, '') || ':' || action from audit_event where workspace_id = ?")
                .param(tenant.ids().workspaceId().value()).query(String.class).list();
    }
}
