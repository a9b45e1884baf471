package dev.tandem.referral;

import dev.tandem.partner.Partner;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Deal registrations and claims through the API: the queues, decisions, and errors naming the field. */
class DealApiTest extends DealTestBase {

    @Test
    void listsRegistrationsByStatusWithTheirConflictsAndPages() {
        ProgramFixtures.Setup s = programs.program("Acme Api List");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        Partner bo = programs.approvedPartner(s, "Bo Lind").partner();
        String email = prospect("hank", domain("Globex"));
        DealRegistration first = registered(s, ana, "Globex", email);
        DealRegistration second = registered(s, bo, "Globex", email);
        ApiClient api = api(s.tenant().apiKey());

        ApiClient.Answer page = api.get("/api/v1/deals?status=submitted&limit=1");

        assertThat(page.status()).isEqualTo(200);
        JsonNode newest = page.json().path("data").get(0);
        assertThat(page.json().path("has_more").asBoolean()).isTrue();
        assertThat(newest.path("id").asString()).isEqualTo(second.id().toString()).startsWith("deal_");
        assertThat(newest.path("partnerName").asString()).isEqualTo("Bo Lind");
        assertThat(newest.path("expectedValue").path("amount").asLong()).isEqualTo(1_250_000L);
        assertThat(newest.path("expectedValue").path("currency").asString()).isEqualTo("EUR");
        JsonNode overlap = newest.path("conflict").path("registrations").get(0);
        assertThat(overlap.path("partnerName").asString()).isEqualTo("Ana Ruiz");
        assertThat(overlap.path("dealId").asString()).isEqualTo(first.id().toString());
        JsonNode next = api.get("/api/v1/deals?status=submitted&starting_after=" + second.id()).json();
        assertThat(next.path("data").get(0).path("id").asString()).isEqualTo(first.id().toString());
        assertThat(api.get("/api/v1/deals?status=accepted").json().path("data").size()).isZero();
        assertThat(api.get("/api/v1/deals?status=won").status()).isEqualTo(400);
    }

    @Test
    void acceptsAndRejectsThroughTheApi() {
        ProgramFixtures.Setup s = programs.program("Acme Api Decide");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        DealRegistration toAccept = registered(s, ana, "Globex", prospect("hank", domain("Globex")));
        DealRegistration toReject = registered(s, ana, "Initech", prospect("bill", domain("Initech")));
        ApiClient api = api(s.tenant().apiKey());

        ApiClient.Answer accepted = api.post("/api/v1/deals/" + toAccept.id() + "/accept", "{\"reason\": \"Go!\"}");
        ApiClient.Answer noReason = api.post("/api/v1/deals/" + toReject.id() + "/reject", "{}");
        ApiClient.Answer rejected = api.post("/api/v1/deals/" + toReject.id() + "/reject",
                "{\"reason\": \"Duplicate\"}");
        ApiClient.Answer twice = api.post("/api/v1/deals/" + toAccept.id() + "/reject", "{\"reason\": \"No\"}");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("accepted");
        assertThat(accepted.json().path("decisionReason").asString()).isEqualTo("Go!");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(noReason.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(rejected.json().path("status").asString()).isEqualTo("rejected");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(dealStatus(toAccept.id())).isEqualTo("accepted");
        assertThat(lastEmailTo(s.workspace(), ana.email()).orElseThrow().template()).isEqualTo("deal-decided");
        assertThat(api.post("/api/v1/deals/deal_nonsense/accept", "{}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/deals/" + new DealId(java.util.UUID.randomUUID()) + "/accept", "{}").status())
                .isEqualTo(404);
    }

    @Test
    void anotherWorkspacesRegistrationIsNotFound() {
        ProgramFixtures.Setup s = programs.program("Acme Api Mine");
        ProgramFixtures.Setup other = programs.program("Globex Api Theirs");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        DealRegistration deal = registered(s, ana, "Globex", prospect("hank", domain("Globex")));
        ApiClient theirs = api(other.tenant().apiKey());

        assertThat(theirs.post("/api/v1/deals/" + deal.id() + "/accept", "{}").status()).isEqualTo(404);
        assertThat(theirs.get("/api/v1/deals").json().path("data").size()).isZero();
        assertThat(dealStatus(deal.id())).isEqualTo("submitted");
    }

    @Test
    void claimsAreListedAcceptedAndDeclinedThroughTheApi() {
        ProgramFixtures.Setup s = programs.program("Acme Api Claims");
        Partner bo = programs.approvedPartner(s, "Bo Lind").partner();
        String email = prospect("carla", "example.com");
        ReferralClaim toAccept = claimed(s, bo, email);
        ReferralClaim toDecline = claimed(s, bo, prospect("dina", "example.com"));
        ApiClient api = api(s.tenant().apiKey());

        ApiClient.Answer list = api.get("/api/v1/claims?status=submitted");
        ApiClient.Answer accepted = api.post("/api/v1/claims/" + toAccept.id() + "/accept", "{}");
        ApiClient.Answer noReason = api.post("/api/v1/claims/" + toDecline.id() + "/decline", "{\"reason\": \" \"}");
        ApiClient.Answer declined = api.post("/api/v1/claims/" + toDecline.id() + "/decline",
                "{\"reason\": \"No evidence\"}");

        assertThat(list.json().path("data").size()).isEqualTo(2);
        assertThat(list.json().path("data").get(0).path("id").asString()).startsWith("clm_");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("accepted");
        assertThat(accepted.json().path("referralId").asString()).startsWith("ref_");
        assertThat(referrals.existingReferral(s.workspace(), s.program().id(), email).orElseThrow().referral()
                .attributedBy()).isEqualTo("claim");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(declined.json().path("status").asString()).isEqualTo("declined");
        assertThat(api.post("/api/v1/claims/" + toDecline.id() + "/accept", "{}").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/claims?status=declined").json().path("data").get(0).path("decisionReason")
                .asString()).isEqualTo("No evidence");
        assertThat(api.get("/api/v1/claims?status=nope").status()).isEqualTo(400);
    }

    @Test
    void theOpenApiDescriptionDocumentsTheDealAndClaimEndpoints() {
        ApiClient.Answer docs = api(null).get("/api/docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/deals", "/api/v1/deals/{id}/accept", "/api/v1/deals/{id}/reject",
                "/api/v1/claims", "/api/v1/claims/{id}/accept", "/api/v1/claims/{id}/decline",
                "Accept a submitted deal registration", "DealDecisionBody");
    }
}
