package dev.tandem.referral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.tandem.program.Programs;
import dev.tandem.referral.internal.LeadRateLimits;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.tracking.LinkId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snippet's door POST /api/v1/public/leads, as a browser on the business's site calls it: CORS,
 * the publishable key and its origins, the rate limit, and what it stores and answers.
 */
class SnippetEndpointTest extends SnippetTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Programs programs;

    final HttpClient http = HttpClient.newHttpClient();
    ProgramFixtures.Setup s;
    ProgramFixtures.Member ana;
    PublishableKey key;
    /** Each test's own site, so that no other test's key allows it. */
    String site;

    @BeforeEach
    void acmeHasAKey() {
        s = fixtures.program("Snippet Acme");
        ana = fixtures.approvedPartner(s, "Ana Snippet");
        key = publishableKeys.create(s.workspace(), ProgramFixtures.MANAGER, s.program().id());
        site = "https://shop-" + key.id().value() + ".test";
        key = publishableKeys.setAllowedOrigins(s.workspace(), ProgramFixtures.MANAGER, key.id(), List.of(site));
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredForPostWithJson() {
        HttpResponse<String> preflight = preflight(site);

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(site);
        assertThat(header(preflight, "Access-Control-Allow-Methods")).isEqualTo("POST");
        assertThat(header(preflight, "Access-Control-Allow-Headers")).isEqualToIgnoringCase("Content-Type");
        assertThat(preflight.headers().allValues("Vary")).contains("Origin");
        assertThat(header(preflight, "Access-Control-Allow-Credentials")).as("the snippet sends no cookies").isNull();
    }

    @Test
    void aPreflightFromAnOriginNoKeyAllowsIsRefusedWithoutCorsHeaders() {
        HttpResponse<String> preflight = preflight("https://evil.test");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aLeadWithAClickIdIsStoredCreditedToThePartnerOfTheClick() {
        LinkId link = link(s, ana);
        String clickId = clickId(s, link);

        HttpResponse<String> answer = lead(site, Map.of("key", key.key(), "clickId", clickId, "email", "Lena@Shop.test",
                "name", "Lena Berg", "company", "Berg AS", "message", "Call me"));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(header(answer, "Access-Control-Allow-Origin")).isEqualTo(site);
        assertThat(answer.headers().allValues("Vary")).contains("Origin");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("id").asString()).startsWith("evt_");
        assertThat(body.get("attributed").asBoolean()).isTrue();
        assertThat(body.propertyNames()).as("never whose partner, nor anything else").containsExactlyInAnyOrder("id", "attributed");
        List<Map<String, Object>> events = events(s);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("source")).isEqualTo("snippet");
        assertThat(events.get(0).get("type")).isEqualTo("lead");
        assertThat(events.get(0).get("partner_id")).isEqualTo(ana.partner().id().value());
        assertThat(events.get(0).get("email")).isEqualTo("lena@shop.test");
        assertThat((String) events.get(0).get("metadata")).contains("Call me");
    }

    @Test
    void aLeadWithoutAClickIsStoredUnattributed() {
        HttpResponse<String> answer = lead(site, Map.of("key", key.key(), "email", "walkin@shop.test", "name", "Walk In"));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(answer.body()).get("attributed").asBoolean()).isFalse();
        assertThat(events(s)).singleElement().satisfies(e -> assertThat(e.get("partner_id")).isNull());
    }

    @Test
    void anotherOriginIsForbiddenAndStoresNothing() {
        HttpResponse<String> answer = lead("https://evil.test", Map.of("key", key.key(), "email", "a@b.test", "name", "A"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(header(answer, "Access-Control-Allow-Origin")).isNull();
        assertThat(lead(null, Map.of("key", key.key(), "email", "a@b.test", "name", "A")).statusCode())
                .as("no Origin at all: not a browser on the business's site").isEqualTo(403);
        assertThat(stored(s)).isZero();
    }

    @Test
    void anUnknownOrRevokedKeyIsUnauthorized() {
        HttpResponse<String> unknown = lead(site, Map.of("key", "tnd_pk_" + "x".repeat(32), "email", "a@b.test", "name", "A"));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(unknown.body()).get("status").asInt()).isEqualTo(401);

        publishableKeys.revoke(s.workspace(), ProgramFixtures.MANAGER, key.id());
        assertThat(lead(site, Map.of("key", key.key(), "email", "a@b.test", "name", "A")).statusCode()).isEqualTo(401);
        assertThat(preflight(site).statusCode()).as("no active key lists the origin any more").isEqualTo(403);
        assertThat(stored(s)).isZero();
    }

    @Test
    void anArchivedProgramTakesNoMoreLeads() {
        programs.archive(s.workspace(), ProgramFixtures.MANAGER, s.program().id());

        assertThat(lead(site, Map.of("key", key.key(), "email", "late@shop.test", "name", "Late")).statusCode()).isEqualTo(401);
        assertThat(stored(s)).isZero();
    }

    @Test
    void anInvalidEmailAndAMissingNameAre422ListingTheFieldsAndStoreNothing() {
        HttpResponse<String> answer = lead(site, Map.of("key", key.key(), "email", "not-an-email", "name", " "));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(header(answer, "Access-Control-Allow-Origin")).as("the page may read why").isEqualTo(site);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email", "name");
        assertThat(problem.get("errors").toString()).contains("must be an email address");
        assertThat(stored(s)).isZero();
    }

    @Test
    void moreThanThirtyLeadsAMinuteFromOneAddressAreRateLimitedWithRetryAfter() {
        for (int i = 0; i < LeadRateLimits.SNIPPET_LIMIT; i++) {
            assertThat(lead(site, Map.of("key", key.key(), "email", "bad", "name", "N")).statusCode()).isEqualTo(422);
        }

        HttpResponse<String> limited = lead(site, Map.of("key", key.key(), "email", "ok@shop.test", "name", "OK"));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(header(limited, "Retry-After"))).isBetween(1L, 60L);
        assertThat(header(limited, "Access-Control-Expose-Headers")).contains("Retry-After");
        assertThat(stored(s)).isZero();
    }

    @Test
    void theConfigTellsTheSnippetTheProgramsWindow() {
        HttpResponse<String> config = send(HttpRequest.newBuilder(uri("/api/v1/public/config?key=" + key.key()))
                .header("Origin", site).GET());

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(header(config, "Access-Control-Allow-Origin")).isEqualTo(site);
        assertThat(JSON.readTree(config.body()).get("windowDays").asInt()).isEqualTo(30);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/public/config?key=tnd_pk_nope")).GET()).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> preflight(String origin) {
        return send(HttpRequest.newBuilder(uri("/api/v1/public/leads"))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> lead(String origin, Map<String, String> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/public/leads"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
