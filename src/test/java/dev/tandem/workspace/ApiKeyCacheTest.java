package dev.tandem.workspace;

import java.sql.Timestamp;
import java.time.Instant;

import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys are remembered between requests; revoking one still ends it at once, and "last used" stays cheap. */
class ApiKeyCacheTest extends IntegrationTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    StaffAccounts accounts;

    @Test
    void aRevokedKeyStopsWorkingAtOnceEvenRightAfterUse() {
        Fixtures.Tenant tenant = fixtures.tenant("Cache Revoke");
        for (int i = 0; i < 3; i++) {
            assertThat(api(tenant.apiKey()).get("/api/v1/workspace").status()).isEqualTo(200);
        }
        ApiKeys.Listed key = apiKeys.list(tenant.ids().workspaceId()).get(0);

        apiKeys.revoke(accounts.loadUserByUsername(tenant.ownerEmail()), key.id());

        assertThat(api(tenant.apiKey()).get("/api/v1/workspace").status()).isEqualTo(401);
        assertThat(apiKeys.authenticate(tenant.apiKey())).isEmpty();
    }

    @Test
    void lastUsedIsWrittenAtMostOnceAMinuteNotOnEveryRequest() {
        Fixtures.Tenant tenant = fixtures.tenant("Cache Touch");
        assertThat(api(tenant.apiKey()).get("/api/v1/workspace").status()).isEqualTo(200);
        Instant marked = Instant.parse("2026-01-01T00:00:00Z");
        jdbc.sql("update api_key set last_used_at = ? where workspace_id = ?")
                .params(Timestamp.from(marked), tenant.ids().workspaceId().value()).update();

        for (int i = 0; i < 5; i++) {
            assertThat(api(tenant.apiKey()).get("/api/v1/workspace").status()).isEqualTo(200);
        }

        assertThat(jdbc.sql("select last_used_at from api_key where workspace_id = ?")
                .param(tenant.ids().workspaceId().value()).query(Timestamp.class).single().toInstant())
                .as("used again within the minute: not written again").isEqualTo(marked);
    }
}
