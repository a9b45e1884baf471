package dev.tandem.partner;

import dev.tandem.program.Tier;
import dev.tandem.testing.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The partner endpoints of the API, against the contract in API.md. */
class PartnerApiTest extends PartnerTestBase {

    @Test
    void addingAPartnerAnswers201WithThePartnerAndAnApprovedEnrollmentInTheDefaultTier() {
        Setup s = program("Api Partners");
        ApiClient api = api(s.tenant().apiKey());

        ApiClient.Answer answer = api.post("/api/v1/programs/" + s.program().id() + "/partners",
                "{\"email\": \"Rosa@Api.test\", \"name\": \"Rosa Díaz\", \"company\": \"Rosa SL\", \"phone\": \"+34 600 000 001\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode partner = answer.json();
        assertThat(partner.get("id").asString()).matches("ptr_[0-9A-Za-z]{22}");
        assertThat(partner.get("email").asString()).isEqualTo("rosa@api.test");
        assertThat(partner.get("name").asString()).isEqualTo("Rosa Díaz");
        assertThat(partner.get("company").asString()).isEqualTo("Rosa SL");
        assertThat(partner.get("phone").asString()).isEqualTo("+34 600 000 001");
        JsonNode enrollment = partner.get("enrollment");
        assertThat(enrollment.get("id").asString()).startsWith("enr_");
        assertThat(enrollment.get("programId").asString()).isEqualTo(s.program().id().toString());
        assertThat(enrollment.get("tierId").asString())
                .isEqualTo(programs.defaultTier(s.workspace(), s.program().id()).id().toString());
        assertThat(enrollment.get("status").asString()).isEqualTo("approved");

        JsonNode read = api.get("/api/v1/partners/" + partner.get("id").asString()).json();
        assertThat(read.get("email").asString()).isEqualTo("rosa@api.test");
        assertThat(read.get("enrollments")).hasSize(1);
        assertThat(read.get("enrollments").get(0).get("id").asString()).isEqualTo(enrollment.get("id").asString());
    }

    @Test
    void aPartnerCanBeAddedPendingIntoAChosenTier() {
        Setup s = program("Pending Api Partners");
        Tier silver = tier(s, "Silver");

        ApiClient.Answer answer = api(s.tenant().apiKey()).post("/api/v1/programs/" + s.program().id() + "/partners",
                "{\"email\": \"pia@api.test\", \"name\": \"Pia\", \"tier\": \"" + silver.id() + "\", \"status\": \"pending\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("enrollment").get("tierId").asString()).isEqualTo(silver.id().toString());
        assertThat(answer.json().get("enrollment").get("status").asString()).isEqualTo("pending");
    }

    @Test
    void addingThePersonTwiceToTheSameProgramIs409AndStoresNothingMore() {
        Setup s = program("Twice Api Partners");
        ApiClient api = api(s.tenant().apiKey());
        api.post("/api/v1/programs/" + s.program().id() + "/partners", "{\"email\": \"tw@api.test\", \"name\": \"Tw\"}");

        ApiClient.Answer again = api.post("/api/v1/programs/" + s.program().id() + "/partners",
                "{\"email\": \"TW@api.test\", \"name\": \"Tw again\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).contains("tw@api.test");
        assertThat(enrollmentsOf(s, "tw@api.test")).isEqualTo(1);
    }

    @Test
    void invalidInputNamesEachFieldWith422() {
        Setup s = program("Invalid Api Partners");
        Setup other = program("Other Api Partners");
        ApiClient api = api(s.tenant().apiKey());
        String path = "/api/v1/programs/" + s.program().id() + "/partners";

        ApiClient.Answer noEmail = api.post(path, "{\"name\": \"Nobody\"}");
        assertThat(noEmail.status()).isEqualTo(422);
        assertThat(noEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");

        ApiClient.Answer badStatus = api.post(path, "{\"email\": \"b@api.test\", \"name\": \"B\", \"status\": \"banned\"}");
        assertThat(badStatus.status()).isEqualTo(422);
        assertThat(badStatus.json().get("errors").get(0).get("field").asString()).isEqualTo("status");

        String otherTier = programs.defaultTier(other.workspace(), other.program().id()).id().toString();
        ApiClient.Answer foreignTier = api.post(path, "{\"email\": \"c@api.test\", \"name\": \"C\", \"tier\": \"" + otherTier + "\"}");
        assertThat(foreignTier.status()).isEqualTo(422);
        assertThat(foreignTier.json().get("errors").get(0).get("field").asString()).isEqualTo("tier");

        assertThat(api.post("/api/v1/programs/" + other.program().id() + "/partners",
                "{\"email\": \"d@api.test\", \"name\": \"D\"}").status()).as("another workspace's program").isEqualTo(404);
        assertThat(count("select count(*) from partner where workspace_id = ?", s.workspace().value())).isZero();
    }

    @Test
    void aProgramsPartnersArePagedWithACursorAndFilteredByStatus() {
        Setup s = program("Paged Api Partners");
        ApiClient api = api(s.tenant().apiKey());
        for (int i = 1; i <= 5; i++) {
            api.post("/api/v1/programs/" + s.program().id() + "/partners", "{\"email\": \"p" + i + "@paged.test\", \"name\": \"P"
                    + i + "\", \"status\": \"" + (i % 2 == 0 ? "pending" : "approved") + "\"}");
        }
        String base = "/api/v1/programs/" + s.program().id() + "/partners";

        JsonNode first = api.get(base + "?limit=2").json();
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(first.get("data")).extracting(p -> p.get("email").asString()).containsExactly("p5@paged.test", "p4@paged.test");
        JsonNode second = api.get(base + "?limit=2&starting_after=" + first.get("data").get(1).get("id").asString()).json();
        assertThat(second.get("data")).extracting(p -> p.get("email").asString()).containsExactly("p3@paged.test", "p2@paged.test");
        JsonNode last = api.get(base + "?limit=2&starting_after=" + second.get("data").get(1).get("id").asString()).json();
        assertThat(last.get("data")).extracting(p -> p.get("email").asString()).containsExactly("p1@paged.test");
        assertThat(last.get("has_more").asBoolean()).isFalse();

        JsonNode pending = api.get(base + "?status=pending").json();
        assertThat(pending.get("data")).extracting(p -> p.get("enrollment").get("status").asString())
                .containsExactly("pending", "pending");
        assertThat(api.get(base + "?status=sleeping").status()).isEqualTo(400);
        assertThat(api.get(base + "?limit=101").status()).isEqualTo(400);
    }

    @Test
    void statusAndTierChangesThroughTheApiAreGuardedAndRecorded() {
        Setup s = program("Change Api Partners");
        Tier gold = tier(s, "Gold");
        ApiClient api = api(s.tenant().apiKey());
        String enrollment = api.post("/api/v1/programs/" + s.program().id() + "/partners",
                "{\"email\": \"cha@api.test\", \"name\": \"Cha\"}").json().get("enrollment").get("id").asString();

        ApiClient.Answer noReason = api.post("/api/v1/enrollments/" + enrollment + "/status", "{\"status\": \"banned\"}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

        ApiClient.Answer suspended = api.post("/api/v1/enrollments/" + enrollment + "/status",
                "{\"status\": \"suspended\", \"reason\": \"chargebacks\"}");
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.json().get("status").asString()).isEqualTo("suspended");
        assertThat(suspended.json().get("statusReason").asString()).isEqualTo("chargebacks");

        ApiClient.Answer moved = api.post("/api/v1/enrollments/" + enrollment + "/tier",
                "{\"tierId\": \"" + gold.id() + "\", \"reason\": \"top seller\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("tierId").asString()).isEqualTo(gold.id().toString());
        assertThat(partners.history(s.workspace(), EnrollmentId.parse(enrollment)))
                .extracting(e -> e.to() + ":" + e.reason() + ":" + e.actor().name())
                .containsExactly("approved:added by " + s.tenant().name() + " key:" + s.tenant().name() + " key",
                        "suspended:chargebacks:" + s.tenant().name() + " key",
                        gold.id() + ":top seller:" + s.tenant().name() + " key");
    }

    @Test
    void theReviewQueueListsPendingApplicationsBestFitFirstAndDecidesThem() {
        Setup s = program("Queue Api Partners");
        idealProfile(s);
        var low = application("Low Fit", "low@queue.test");
        low.put("industry", "Retail");
        low.put("region", "Spain");
        apply(browser(), s, low);
        apply(browser(), s, application("High Fit", "high@queue.test"));
        var best = application("Best Fit", "best@queue.test");
        best.put("region", "Spain");
        apply(browser(), s, best);
        ApiClient api = api(s.tenant().apiKey());

        JsonNode queue = api.get("/api/v1/programs/" + s.program().id() + "/applications").json();

        assertThat(queue.get("data")).extracting(a -> a.get("email").asString() + "=" + a.get("fitScore").asInt())
                .containsExactly("best@queue.test=100", "high@queue.test=75", "low@queue.test=25");
        JsonNode high = queue.get("data").get(1);
        assertThat(high.get("id").asString()).startsWith("app_");
        assertThat(high.get("fitReasons")).extracting(r -> r.get("attribute").asString() + ":" + r.get("matched").asBoolean())
                .containsExactly("industry:true", "region:false");
        JsonNode page2 = api.get("/api/v1/programs/" + s.program().id() + "/applications?limit=1&starting_after="
                + queue.get("data").get(0).get("id").asString()).json();
        assertThat(page2.get("data").get(0).get("email").asString()).isEqualTo("high@queue.test");
        assertThat(page2.get("has_more").asBoolean()).isTrue();

        ApiClient.Answer approved = api.post("/api/v1/applications/" + high.get("id").asString() + "/approve", "{}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("enrollment").get("status").asString()).isEqualTo("approved");
        ApiClient.Answer noReason = api.post("/api/v1/applications/" + queue.get("data").get(2).get("id").asString()
                + "/reject", "{}");
        assertThat(noReason.status()).isEqualTo(422);
        ApiClient.Answer rejected = api.post("/api/v1/applications/" + queue.get("data").get(2).get("id").asString()
                + "/reject", "{\"reason\": \"Not our market\"}");
        assertThat(rejected.json().get("enrollment").get("status").asString()).isEqualTo("rejected");
        assertThat(latestEmailTo(s, "low@queue.test").bodyText()).contains("Not our market");
        ApiClient.Answer twice = api.post("/api/v1/applications/" + queue.get("data").get(2).get("id").asString()
                + "/reject", "{\"reason\": \"again\"}");
        assertThat(twice.status()).isEqualTo(409);

        assertThat(api.get("/api/v1/programs/" + s.program().id() + "/applications").json().get("data"))
                .extracting(a -> a.get("email").asString()).containsExactly("best@queue.test");
    }

    @Test
    void theOpenApiDescriptionDocumentsThePartnerEndpoints() {
        ApiClient.Answer docs = api(null).get("/api/docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/programs/{programId}/partners", "/api/v1/partners/{id}",
                "/api/v1/enrollments/{id}/status", "/api/v1/enrollments/{id}/tier",
                "/api/v1/programs/{programId}/invitations", "/api/v1/programs/{programId}/applications",
                "/api/v1/applications/{id}/approve", "/api/v1/applications/{id}/reject", "Add a partner to a program");
    }
}
