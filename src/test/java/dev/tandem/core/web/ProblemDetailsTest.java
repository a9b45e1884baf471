package dev.tandem.core.web;

import java.util.List;

import dev.tandem.testing.ApiClient;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsTest extends IntegrationTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void aMalformedBodyIsAnsweredBadRequestWithProblemDetails() {
        Fixtures.Tenant tenant = fixtures.tenant("Malformed");

        ApiClient.Answer answer = api(tenant.apiKey()).patch("/api/v1/workspace", "{\"name\": \"Half");

        assertThat(answer.status()).isEqualTo(400);
        assertProblem(answer, 400);
        assertThat(workspaceName(tenant)).isEqualTo("Malformed");
    }

    @Test
    void wellFormedButInvalidInputNamesEveryBadFieldAndChangesNothing() {
        Fixtures.Tenant tenant = fixtures.tenant("Validated");

        ApiClient.Answer answer = api(tenant.apiKey())
                .patch("/api/v1/workspace", "{\"name\": \"\", \"defaultLanguage\": \"fr\"}");

        assertThat(answer.status()).isEqualTo(422);
        JsonNode problem = assertProblem(answer, 422);
        JsonNode errors = problem.get("errors");
        assertThat(errors).isNotNull();
        assertThat(errors.isArray()).isTrue();
        List<String> fields = errors.valueStream().map(error -> error.get("field").asString()).toList();
        assertThat(fields).containsExactlyInAnyOrder("name", "defaultLanguage");
        errors.valueStream().forEach(error -> assertThat(error.get("message").asString())
                .as("message for %s", error.get("field").asString()).isNotBlank());
        assertThat(workspaceName(tenant)).isEqualTo("Validated");
        assertThat(jdbc.sql("select default_locale from workspace where id = ?")
                .param(tenant.ids().workspaceId().value()).query(String.class).single()).isEqualTo("en");
        assertThat(auditActions(tenant)).doesNotContain("workspace.updated");
    }

    @Test
    void aBlankNameIsRefusedLikeAnEmptyOne() {
        Fixtures.Tenant tenant = fixtures.tenant("Blank Name");

        ApiClient.Answer answer = api(tenant.apiKey()).patch("/api/v1/workspace", "{\"name\": \"   \"}");

        assertThat(answer.status()).isEqualTo(422);
        JsonNode problem = assertProblem(answer, 422);
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .containsExactly("name");
        assertThat(workspaceName(tenant)).isEqualTo("Blank Name");
    }

    @Test
    void aValidPatchRenamesTheWorkspaceAndIsAuditedUnderTheKeysName() {
        Fixtures.Tenant tenant = fixtures.tenant("Old Name");

        ApiClient.Answer answer = api(tenant.apiKey())
                .patch("/api/v1/workspace", "{\"name\": \"New Name\", \"defaultLanguage\": \"pt\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("name").asString()).isEqualTo("New Name");
        assertThat(answer.json().get("defaultLanguage").asString()).isEqualTo("pt");
        assertThat(answer.json().get("id").asString()).isEqualTo(tenant.ids().workspaceId().toString());
        assertThat(workspaceName(tenant)).isEqualTo("New Name");
        assertThat(api(tenant.apiKey()).get("/api/v1/workspace").json().get("name").asString()).isEqualTo("New Name");

        assertThat(jdbc.sql("select actor_kind || ':' || actor_name from audit_event"
                        + " where workspace_id = ? and action = 'workspace.updated'")
                .param(tenant.ids().workspaceId().value()).query(String.class).list())
                .containsExactly("api_key:Old Name key");
        WebClient owner = browser();
        owner.login(tenant.ownerEmail(), Fixtures.PASSWORD);
        WebClient.Page audit = owner.get("/admin/audit");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).containsPattern("<td>Old Name key</td>\\s*<td><code>workspace\\.updated</code></td>");
    }

    @Test
    void anUnknownApiPathIsAnsweredNotFoundWithProblemDetails() {
        Fixtures.Tenant tenant = fixtures.tenant("Lost");

        ApiClient.Answer get = api(tenant.apiKey()).get("/api/v1/nothing-here");
        assertThat(get.status()).isEqualTo(404);
        assertProblem(get, 404);

        ApiClient.Answer post = api(tenant.apiKey()).post("/api/v1/nothing-here", "{}");
        assertThat(post.status()).isEqualTo(404);
        assertProblem(post, 404);
    }

    @Test
    void anAcceptThatAllowsNothingAResourceAnswersIsAnsweredNotAcceptableAndAnUnknownPathStaysNotFound() {
        Fixtures.Tenant tenant = fixtures.tenant("Picky");
        String key = tenant.apiKey();

        // resources that produce JSON: the events mapping says so (produces), the others negotiate their answer
        List<String[]> resources = List.of(new String[] {"POST", "/api/v1/events"},
                new String[] {"GET", "/api/v1/workspace"}, new String[] {"GET", "/api/v1/links"});
        for (String[] resource : resources) {
            for (String accept : List.of("text/html", "application/xml")) {
                ApiClient.Answer refused = send(key, resource[0], resource[1], accept);
                String seen = resource[0] + " " + resource[1] + " " + accept;
                assertThat(refused.status()).as(seen).isEqualTo(406);
                JsonNode problem = assertProblem(refused, 406);
                assertThat(problem.get("type").asString()).as(seen).isEqualTo("https://tandem.dev/problems/not-acceptable");
                assertThat(problem.get("detail").asString()).as(seen).contains("application/json");
                assertThat(problem.get("instance").asString()).as(seen).isEqualTo(resource[1]);
            }
            // an Accept that cannot be parsed: 406 too, with a problem all the same
            ApiClient.Answer garbled = send(key, resource[0], resource[1], "garbage");
            assertThat(garbled.status()).as(resource[1]).isEqualTo(406);
            assertThat(assertProblem(garbled, 406).get("detail").asString()).isEqualTo("The Accept header cannot be parsed.");
        }
        assertThat(jdbc.sql("select count(*) from conversion_event where workspace_id = ?")
                .param(tenant.ids().workspaceId().value()).query(Long.class).single()).isZero();

        // a path nobody serves, or a method a resource does not serve, stays 404 whatever the Accept
        for (String accept : List.of("*/*", "application/json", "text/html", "application/xml", "garbage")) {
            for (String[] unknown : List.of(new String[] {"GET", "/api/v1/nothing-here"},
                    new String[] {"POST", "/api/v1/nothing-here"}, new String[] {"DELETE", "/api/v1/events"})) {
                ApiClient.Answer lost = send(key, unknown[0], unknown[1], accept);
                assertThat(lost.status()).as(unknown[0] + " " + unknown[1] + " " + accept).isEqualTo(404);
                assertThat(assertProblem(lost, 404).get("type").asString())
                        .isEqualTo("https://tandem.dev/problems/not-found");
            }
        }

        // the key is checked first, as for a 404
        assertThat(send(null, "POST", "/api/v1/events", "text/html").status()).isEqualTo(401);
    }

    /**
     * A change whose Accept allows no JSON is refused before it is made: Spring MVC would decide the 406 only
     * when writing the answer, after the rename or the new program was stored (and a retry stores another).
     */
    @Test
    void aChangeWhoseAcceptAllowsNoJsonIsRefusedBeforeItIsMade() {
        Fixtures.Tenant tenant = fixtures.tenant("Picky Changes");
        String key = tenant.apiKey();
        String before = workspaceName(tenant);
        String program = "{\"name\": \"Picky\", \"type\": \"referral\", \"currency\": \"EUR\","
                + " \"defaultDestination\": \"https://picky.test/\"}";
        for (String accept : List.of("text/html", "application/xml", "garbage")) {
            ApiClient.Answer rename = send(key, "PATCH", "/api/v1/workspace", accept, "{\"name\": \"Renamed\"}");
            assertThat(rename.status()).as(accept).isEqualTo(406);
            assertThat(assertProblem(rename, 406).get("type").asString())
                    .isEqualTo("https://tandem.dev/problems/not-acceptable");
            assertThat(send(key, "POST", "/api/v1/programs", accept, program).status()).as(accept).isEqualTo(406);
        }
        assertThat(workspaceName(tenant)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from program where workspace_id = ?")
                .param(tenant.ids().workspaceId().value()).query(Long.class).single()).isZero();

        // an Accept that allows JSON among others makes the change as before
        ApiClient.Answer made = send(key, "POST", "/api/v1/programs", "text/html, application/*;q=0.5", program);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        ApiClient.Answer renamed = send(key, "PATCH", "/api/v1/workspace", "*/*", "{\"name\": \"Renamed\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(workspaceName(tenant)).isEqualTo("Renamed");
    }

    /** A request with this Accept, and a JSON body for anything but a GET. */
    private ApiClient.Answer send(String key, String method, String path, String accept) {
        return send(key, method, path, accept,
                "{\"id\": \"picky\", \"type\": \"lead\", \"customer\": {\"externalId\": \"c-picky\"}}");
    }

    private ApiClient.Answer send(String key, String method, String path, String accept, String body) {
        return api(key).accepting(accept).send(method, path, "GET".equals(method) ? null : body);
    }

    private static JsonNode assertProblem(ApiClient.Answer answer, int status) {
        assertThat(answer.contentType()).as("content type of %s", answer.body()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        for (String member : List.of("type", "title", "detail")) {
            assertThat(problem.get(member)).as(member).isNotNull();
            assertThat(problem.get(member).asString()).as(member).isNotBlank();
        }
        assertThat(problem.get("type").asString()).isNotEqualTo("about:blank");
        return problem;
    }

    private String workspaceName(Fixtures.Tenant tenant) {
        return jdbc.sql("select name from workspace where id = ?").param(tenant.ids().workspaceId().value())
                .query(String.class).single();
    }

    private List<String> auditActions(Fixtures.Tenant tenant) {
        return jdbc.sql("select action from audit_event where workspace_id = ?")
                .param(tenant.ids().workspaceId().value()).query(String.class).list();
    }
}
