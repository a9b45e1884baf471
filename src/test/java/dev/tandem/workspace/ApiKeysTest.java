package dev.tandem.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.testing.ApiClient;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest extends IntegrationTest {

    private static final Pattern NEW_SECRET = Pattern.compile("id=\"new-secret\">([^<]*)<");
    private static final Pattern SECRET_SHAPE = Pattern.compile("tnd_sk_[A-Za-z0-9]{40}");

    @Autowired
    Fixtures fixtures;

    @Autowired
    StaffAccounts accounts;

    @Test
    void anOwnerSeesANewKeysSecretOnceAndTandemStoresOnlyItsHash() throws Exception {
        Fixtures.Tenant tenant = fixtures.tenant("Secret Keeper");
        WebClient owner = signedIn(tenant.ownerEmail());

        owner.get("/admin/api-keys");
        WebClient.Page created = owner.post("/admin/api-keys", Map.of("name", "Billing system", "access", "write"));

        assertThat(created.status()).isEqualTo(200);
        String secret = secretOn(created);
        assertThat(secret).matches(SECRET_SHAPE);
        assertThat(created.body()).contains("Billing system");

        WebClient.Page later = owner.get("/admin/api-keys");
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.body())
                .contains("Billing system")
                .doesNotContain(secret)
                .doesNotContain(secret.substring(11, 47))
                .doesNotContain("id=\"new-secret\"");

        UUID keyId = keyNamed(tenant, "Billing system");
        byte[] storedHash = jdbc.sql("select token_hash from api_key where id = ?").param(keyId)
                .query(byte[].class).single();
        assertThat(storedHash).hasSize(32).isEqualTo(sha256(secret));
        String hint = jdbc.sql("select token_hint from api_key where id = ?").param(keyId).query(String.class).single();
        assertThat(hint).isNotEqualTo(secret).hasSizeLessThanOrEqualTo(20).startsWith("tnd_sk_");
        assertThat(secret).doesNotContain(hint);
        assertThat(tablesContaining(secret)).as("tables holding the secret in any column").isEmpty();
        assertThat(tablesContaining(secret.substring(11, 47))).as("tables holding most of the secret").isEmpty();
        assertThat(jdbc.sql("select count(*) from spring_session_attributes where position(?::bytea in attribute_bytes) > 0")
                .param(secret.getBytes(StandardCharsets.UTF_8)).query(Long.class).single())
                .as("sessions holding the secret").isZero();
    }

    @Test
    void aKeyReadsItsWorkspaceAndItsUseIsRecorded() {
        Fixtures.Tenant tenant = fixtures.tenant("Reader Co");
        assertThat(lastUsedAt(tenant)).isNull();
        Instant before = Instant.now().minusSeconds(5);

        ApiClient.Answer answer = api(tenant.apiKey()).get("/api/v1/workspace");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode workspace = answer.json();
        assertThat(workspace.get("id").asString()).startsWith("wsp_")
                .isEqualTo(tenant.ids().workspaceId().toString());
        assertThat(workspace.get("name").asString()).isEqualTo("Reader Co");
        assertThat(workspace.get("defaultLanguage").asString()).isEqualTo("en");
        assertThat(Instant.parse(workspace.get("createdAt").asString())).isBefore(Instant.now().plusSeconds(5));
        Instant lastUsed = lastUsedAt(tenant);
        assertThat(lastUsed).isNotNull().isAfter(before);
    }

    @Test
    void aRevokedKeyIsRefusedWithProblemDetails() {
        Fixtures.Tenant tenant = fixtures.tenant("Revoker");
        assertThat(api(tenant.apiKey()).get("/api/v1/workspace").status()).isEqualTo(200);
        WebClient owner = signedIn(tenant.ownerEmail());

        WebClient.Page keys = owner.get("/admin/api-keys");
        List<String> ids = keyIdsOn(keys);
        assertThat(ids).hasSize(1);
        String keyId = ids.get(0);
        assertThat(keyId).matches("key_[A-Za-z0-9]{22}");
        assertThat(ApiKeyId.parse(keyId).value()).isEqualTo(keyNamed(tenant, "Revoker key"));

        WebClient.Page revoked = owner.post("/admin/api-keys/" + keyId + "/revoke", Map.of());
        assertThat(revoked.status()).isEqualTo(302);
        assertThat(revoked.location()).isEqualTo("/admin/api-keys");
        assertThat(owner.get("/admin/api-keys").body()).contains("API key revoked.").contains("Revoked ");

        assertUnauthorized(api(tenant.apiKey()).get("/api/v1/workspace"));
        assertUnauthorized(api(tenant.apiKey()).patch("/api/v1/workspace", "{\"name\": \"Taken over\"}"));
        assertThat(workspaceName(tenant)).isEqualTo("Revoker");
    }

    @Test
    void unknownGarbageAndMissingKeysAreRefusedWithProblemDetailsNeverALoginPage() {
        Fixtures.Tenant tenant = fixtures.tenant("Gatekeeper");
        String unknown = "tnd_sk_" + "A1b2C3d4E5".repeat(4);

        assertUnauthorized(api(unknown).get("/api/v1/workspace"));
        assertUnauthorized(api("garbage").get("/api/v1/workspace"));
        assertUnauthorized(api(null).get("/api/v1/workspace"));
        assertUnauthorized(api(unknown).patch("/api/v1/workspace", "{\"name\": \"Taken over\"}"));
        assertUnauthorized(api(tenant.apiKey() + "x").get("/api/v1/workspace"));

        // a browser-like caller (Accept: text/html) gets problem details too, not a redirect to /login
        assertUnauthorized(raw("/api/v1/workspace", "Basic " + "b3duZXI6cGFzc3dvcmQ="));
        assertUnauthorized(raw("/api/v1/workspace", "Bearer"));
        assertUnauthorized(raw("/api/v1/workspace", null));
        assertUnauthorized(raw("/api/v1/nothing-here", null));
        assertThat(workspaceName(tenant)).isEqualTo("Gatekeeper");
    }

    @Test
    void aReadOnlyKeyReadsButCannotChangeAnything() {
        Fixtures.Tenant tenant = fixtures.tenant("Read Only");
        WebClient owner = signedIn(tenant.ownerEmail());
        owner.get("/admin/api-keys");
        String secret = secretOn(owner.post("/admin/api-keys", Map.of("name", "Dashboard", "access", "read")));
        assertThat(jdbc.sql("select array_to_string(scopes, ',') from api_key where id = ?")
                .param(keyNamed(tenant, "Dashboard")).query(String.class).single()).isEqualTo("read");
        assertThat(owner.get("/admin/api-keys").body()).contains("Read only");

        ApiClient.Answer read = api(secret).get("/api/v1/workspace");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("Read Only");

        ApiClient.Answer write = api(secret).patch("/api/v1/workspace", "{\"name\": \"Written\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.contentType()).startsWith("application/problem+json");
        assertThat(write.json().get("status").asInt()).isEqualTo(403);
        assertThat(write.json().get("title").asString()).isNotBlank();
        assertThat(workspaceName(tenant)).isEqualTo("Read Only");
    }

    @Test
    void aManagerAddedOnTheTeamPageCannotOpenOrUseTheApiKeysPage() {
        Fixtures.Tenant tenant = fixtures.tenant("Managed");
        WebClient owner = signedIn(tenant.ownerEmail());
        owner.get("/admin/team");
        String managerEmail = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@managed.test";
        WebClient.Page added = owner.post("/admin/team", Map.of("name", "Mia Manager", "email", managerEmail,
                "role", "MANAGER", "password", Fixtures.PASSWORD));
        assertThat(added.location()).isEqualTo("/admin/team");
        assertThat(jdbc.sql("select role from staff_user where email = ?").param(managerEmail)
                .query(String.class).single()).isEqualTo("manager");

        assertCannotManageKeys(tenant, managerEmail);
    }

    @Test
    void aViewerCannotOpenOrUseTheApiKeysPage() {
        Fixtures.Tenant tenant = fixtures.tenant("Viewed");
        String viewerEmail = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@viewed.test";
        accounts.add(accounts.loadUserByUsername(tenant.ownerEmail()), "Vic Viewer", viewerEmail, Role.VIEWER,
                Fixtures.PASSWORD);

        assertCannotManageKeys(tenant, viewerEmail);
    }

    @Test
    void creatingAndRevokingKeysAppearInTheAuditLogWithWhoDidIt() {
        Fixtures.Tenant tenant = fixtures.tenant("Audited");
        WebClient owner = signedIn(tenant.ownerEmail());
        owner.get("/admin/api-keys");
        owner.post("/admin/api-keys", Map.of("name", "Warehouse", "access", "read"));
        String keyId = new ApiKeyId(keyNamed(tenant, "Warehouse")).toString();
        owner.get("/admin/api-keys");
        assertThat(owner.post("/admin/api-keys/" + keyId + "/revoke", Map.of()).status()).isEqualTo(302);

        WebClient.Page audit = owner.get("/admin/audit");

        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body())
                .containsPattern(auditRow("Audited Owner", "api_key.created", keyId))
                .containsPattern(auditRow("Audited Owner", "api_key.revoked", keyId));
        Matcher revokedRow = Pattern.compile(auditRow("Audited Owner", "api_key.revoked", keyId)).matcher(audit.body());
        Matcher createdRow = Pattern.compile(auditRow("Audited Owner", "api_key.created", keyId)).matcher(audit.body());
        assertThat(revokedRow.find() && createdRow.find()).isTrue();
        assertThat(revokedRow.start()).as("newest first").isLessThan(createdRow.start());
        assertThat(jdbc.sql("select actor_kind || ':' || actor_name from audit_event where subject = ? order by id")
                .param(keyId).query(String.class).list())
                .containsExactly("staff:Audited Owner", "staff:Audited Owner");
    }

    private void assertCannotManageKeys(Fixtures.Tenant tenant, String email) {
        WebClient member = signedIn(email);
        assertThat(member.get("/admin").status()).isEqualTo(200);

        WebClient.Page page = member.get("/admin/api-keys");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Not allowed").doesNotContain("Create an API key");

        member.get("/admin");
        WebClient.Page forged = member.post("/admin/api-keys", Map.of("name", "Sneaky", "access", "write"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).doesNotContainPattern("tnd_sk_[A-Za-z0-9]{40}");

        String ownersKey = new ApiKeyId(keyNamed(tenant, tenant.name() + " key")).toString();
        member.get("/admin");
        assertThat(member.post("/admin/api-keys/" + ownersKey + "/revoke", Map.of()).status()).isEqualTo(403);

        assertThat(jdbc.sql("select name from api_key where workspace_id = ?")
                .param(tenant.ids().workspaceId().value()).query(String.class).list())
                .containsExactly(tenant.name() + " key");
        assertThat(api(tenant.apiKey()).get("/api/v1/workspace").status()).isEqualTo(200);
    }

    private static String auditRow(String who, String action, String subject) {
        return "<td>" + Pattern.quote(who) + "</td>\\s*<td><code>" + Pattern.quote(action) + "</code></td>\\s*<td><code>"
                + Pattern.quote(subject) + "</code></td>";
    }

    private static void assertUnauthorized(ApiClient.Answer answer) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContainIgnoringCase("<html");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("title").asString()).isNotBlank();
    }

    /** A GET as a browser would send it: Accept text/html, optionally an Authorization header. */
    private ApiClient.Answer raw(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Location")).isEmpty();
            return new ApiClient.Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private WebClient signedIn(String email) {
        WebClient browser = browser();
        assertThat(browser.login(email, Fixtures.PASSWORD).location()).endsWith("/admin");
        return browser;
    }

    private static String secretOn(WebClient.Page page) {
        Matcher matcher = NEW_SECRET.matcher(page.body());
        assertThat(matcher.find()).as("the page shows the new secret").isTrue();
        return matcher.group(1);
    }

    private static List<String> keyIdsOn(WebClient.Page page) {
        return Pattern.compile("data-key=\"([^\"]+)\"").matcher(page.body()).results().map(m -> m.group(1)).toList();
    }

    private UUID keyNamed(Fixtures.Tenant tenant, String name) {
        return jdbc.sql("select id from api_key where workspace_id = ? and name = ?")
                .params(tenant.ids().workspaceId().value(), name).query(UUID.class).single();
    }

    private Instant lastUsedAt(Fixtures.Tenant tenant) {
        List<Instant> used = jdbc.sql("select last_used_at from api_key where workspace_id = ?")
                .param(tenant.ids().workspaceId().value())
                .query((rs, row) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).list();
        assertThat(used).hasSize(1);
        return used.get(0);
    }

    private String workspaceName(Fixtures.Tenant tenant) {
        return jdbc.sql("select name from workspace where id = ?").param(tenant.ids().workspaceId().value())
                .query(String.class).single();
    }

    /** Every table of Tandem's schema with a row whose text form contains the value. */
    private List<String> tablesContaining(String value) {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables"
                        + " where table_schema = current_schema() and table_type = 'BASE TABLE'")
                .query(String.class).list();
        assertThat(tables).contains("api_key", "audit_event", "spring_session_attributes");
        return tables.stream()
                .filter(table -> jdbc.sql("select count(*) from \"" + table + "\" t where t::text like ?")
                        .param("%" + value + "%").query(Long.class).single() > 0)
                .toList();
    }

    private static byte[] sha256(String secret) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    }
}
