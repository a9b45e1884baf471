package dev.tandem.web;

import java.util.UUID;

import dev.tandem.testing.ApiClient;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md: a POST retried with the same Idempotency-Key and body answers the first response; nothing happens twice. */
class IdempotencyTest extends IntegrationTest {

    @Autowired
    Fixtures fixtures;

    private static String program(String name) {
        return """
                {"name": "%s", "type": "referral", "currency": "EUR",
                 "attribution": {"model": "last_click", "windowDays": 60},
                 "defaultDestination": "https://shop.example.com/"}""".formatted(name);
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstResponseAndCreatesNothingMore() {
        Fixtures.Tenant acme = fixtures.tenant("Acme Retry");
        ApiClient api = api(acme.apiKey());
        String key = UUID.randomUUID().toString();

        ApiClient.Answer first = api.post("/api/v1/programs", program("Retry Partners"), key);
        ApiClient.Answer retry = api.post("/api/v1/programs", program("Retry Partners"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(jdbc.sql("select count(*) from program where workspace_id = ? and name = 'Retry Partners'")
                .param(acme.ids().workspaceId().value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndChangesNothing() {
        Fixtures.Tenant acme = fixtures.tenant("Acme Reuse");
        ApiClient api = api(acme.apiKey());
        String key = UUID.randomUUID().toString();
        api.post("/api/v1/programs", program("First Program"), key);

        ApiClient.Answer reused = api.post("/api/v1/programs", program("Second Program"), key);

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().get("detail").asText()).contains("different request body");
        assertThat(jdbc.sql("select count(*) from program where name = 'Second Program'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void keysBelongToOneWorkspaceAndPostsWithoutAKeyAreNotRemembered() {
        Fixtures.Tenant acme = fixtures.tenant("Acme Keys");
        Fixtures.Tenant globex = fixtures.tenant("Globex Keys");
        String key = "shared-" + UUID.randomUUID();

        ApiClient.Answer a = api(acme.apiKey()).post("/api/v1/programs", program("Keys Partners"), key);
        ApiClient.Answer b = api(globex.apiKey()).post("/api/v1/programs", program("Keys Partners"), key);
        ApiClient.Answer plain1 = api(acme.apiKey()).post("/api/v1/programs", program("Plain Partners"));
        ApiClient.Answer plain2 = api(acme.apiKey()).post("/api/v1/programs", program("Plain Partners"));

        assertThat(b.status()).isEqualTo(201);
        assertThat(b.json().get("id").asText()).isNotEqualTo(a.json().get("id").asText());
        assertThat(plain2.json().get("id").asText()).isNotEqualTo(plain1.json().get("id").asText());
    }
}
