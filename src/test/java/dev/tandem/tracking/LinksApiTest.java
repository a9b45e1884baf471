package dev.tandem.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.Language;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partner;
import dev.tandem.partner.Partners;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** POST/GET /api/v1/links and switching links off and on, as an integrator uses them (API.md). */
class LinksApiTest extends IntegrationTest {

    @Autowired
    ProgramFixtures fixtures;
    @Autowired
    Partners partners;

    @Test
    void aLinkIsCreatedWithItsAbsoluteUrlAndThePartnersCode() {
        ProgramFixtures.Setup acme = fixtures.program("Api links");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Ruiz");
        ApiClient api = api(acme.tenant().apiKey());

        ApiClient.Answer created = api.post("/api/v1/links", """
                {"programId": "%s", "partnerId": "%s", "slug": "ana-spring", "destination": "https://shop.acme.test/pricing?x=1",
                 "campaign": "spring newsletter"}""".formatted(acme.program().id(), ana.partner().id()));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode link = created.json();
        assertThat(link.get("id").asString()).startsWith("lnk_");
        assertThat(link.get("slug").asString()).isEqualTo("ana-spring");
        assertThat(link.get("url").asString()).isEqualTo("http://localhost:8080/r/ana-spring");
        assertThat(link.get("destination").asString()).isEqualTo("https://shop.acme.test/pricing?x=1");
        assertThat(link.get("campaign").asString()).isEqualTo("spring newsletter");
        assertThat(link.get("default").asBoolean()).isFalse();
        assertThat(link.get("status").asString()).isEqualTo("active");
        assertThat(link.get("code").asString()).matches("ANA[0-9]{2,3}");
        assertThat(link.get("clicks").asLong()).isZero();
        assertThat(link.get("programId").asString()).isEqualTo(acme.program().id().toString());
        assertThat(link.get("partnerId").asString()).isEqualTo(ana.partner().id().toString());

        JsonNode read = api.get("/api/v1/links/" + link.get("id").asString()).json();
        assertThat(read).isEqualTo(link);
        assertThat(jdbc.sql("select action from audit_event where workspace_id = ? and subject = ?")
                .params(acme.workspace().value(), link.get("id").asString()).query(String.class).list())
                .containsExactly("link.created");
    }

    @Test
    void withoutSlugAndDestinationTheLinkGetsAProposedSlugAndTheProgramsDestination() {
        ProgramFixtures.Setup acme = fixtures.program("Api defaults");
        ProgramFixtures.Member ben = fixtures.approvedPartner(acme, "Ben Olsen");

        JsonNode link = api(acme.tenant().apiKey()).post("/api/v1/links", """
                {"programId": "%s", "partnerId": "%s"}""".formatted(acme.program().id(), ben.partner().id())).json();

        assertThat(link.get("slug").asString()).matches("ben-olsen-[a-z0-9]{4}");
        assertThat(link.get("destination").asString()).isEqualTo("https://acme.test/");
        assertThat(link.get("campaign").asString()).isEmpty();
    }

    @Test
    void clicksCountUniqueHumanVisitorsOnly() {
        ProgramFixtures.Setup acme = fixtures.program("Api clicks");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Clicks");
        ApiClient api = api(acme.tenant().apiKey());
        JsonNode link = api.post("/api/v1/links", """
                {"programId": "%s", "partnerId": "%s"}""".formatted(acme.program().id(), ana.partner().id())).json();
        LinkId id = LinkId.parse(link.get("id").asString());
        click(acme, ana, id, false, false);
        click(acme, ana, id, false, false);
        click(acme, ana, id, false, true);
        click(acme, ana, id, true, false);

        assertThat(api.get("/api/v1/links/" + id).json().get("clicks").asLong()).isEqualTo(2);
    }

    @Test
    void aTakenSlugIsRefusedOnItsFieldWhateverItsCaseAndNothingIsStored() {
        ProgramFixtures.Setup acme = fixtures.program("Api taken");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Taken");
        ApiClient api = api(acme.tenant().apiKey());
        String slug = "taken-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/links", body(acme, ana, "\"slug\": \"" + slug + "\"")).status()).isEqualTo(201);
        long before = links(acme);

        ApiClient.Answer again = api.post("/api/v1/links", body(acme, ana, "\"slug\": \"" + slug.toUpperCase() + "\""));

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("slug");
        assertThat(again.json().get("errors").get(0).get("message").asString()).isEqualTo("is already taken");
        assertThat(links(acme)).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() {
        ProgramFixtures.Setup acme = fixtures.program("Api bad");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Bad");
        ApiClient api = api(acme.tenant().apiKey());
        long before = links(acme);

        ApiClient.Answer answer = api.post("/api/v1/links", body(acme, ana,
                "\"slug\": \"no spaces/or slashes\", \"destination\": \"https://evil.example.com/phish\", \"campaign\": \""
                        + "x".repeat(101) + "\""));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("slug", "destination", "campaign");
        assertThat(answer.body()).contains("acme.test, shop.acme.test");
        assertThat(links(acme)).isEqualTo(before);

        for (String destination : new String[] {"javascript:alert(1)", "ftp://acme.test/file", "//acme.test/x",
                "https://acme.test.evil.com/"}) {
            ApiClient.Answer refused = api.post("/api/v1/links", body(acme, ana, "\"destination\": \"" + destination + "\""));
            assertThat(refused.status()).as(destination).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("destination");
        }
        assertThat(links(acme)).isEqualTo(before);

        ApiClient.Answer missing = api.post("/api/v1/links", "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("programId", "partnerId");
    }

    @Test
    void onlyApprovedPartnersGetLinks() {
        ProgramFixtures.Setup acme = fixtures.program("Api pending");
        Partner pending = partners.findOrCreate(acme.workspace(), new Partners.NewPartner(
                "pending-" + UUID.randomUUID().toString().substring(0, 6) + "@partners.test", "Pat Pending", "", "", "",
                Partner.Profile.empty(), Language.EN, null));
        partners.enroll(acme.workspace(), ProgramFixtures.MANAGER, acme.program().id(), pending.id(), null,
                EnrollmentStatus.PENDING, "");

        ApiClient.Answer answer = api(acme.tenant().apiKey()).post("/api/v1/links", """
                {"programId": "%s", "partnerId": "%s"}""".formatted(acme.program().id(), pending.id()));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("partnerId");
        assertThat(links(acme)).isZero();
    }

    @Test
    void unknownIdsAnswer404() {
        ProgramFixtures.Setup acme = fixtures.program("Api unknown");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Unknown");
        ApiClient api = api(acme.tenant().apiKey());

        assertThat(api.get("/api/v1/links/" + new LinkId(Ids.newId())).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/links/" + new LinkId(Ids.newId()) + "/disable", "{}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/links", """
                {"programId": "%s", "partnerId": "ptr_0000000000000000000000"}""".formatted(acme.program().id()))
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/links", """
                {"programId": "prg_0000000000000000000000", "partnerId": "%s"}""".formatted(ana.partner().id()))
                .status()).isEqualTo(404);
    }

    @Test
    void aLinkIsSwitchedOffAndOnAgain() {
        ProgramFixtures.Setup acme = fixtures.program("Api disable");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Switch");
        ApiClient api = api(acme.tenant().apiKey());
        String id = api.post("/api/v1/links", body(acme, ana, "\"campaign\": \"flyer\"")).json().get("id").asString();

        ApiClient.Answer off = api.post("/api/v1/links/" + id + "/disable", null);
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("status").asString()).isEqualTo("disabled");
        assertThat(api.get("/api/v1/links/" + id).json().get("status").asString()).isEqualTo("disabled");
        assertThat(api.post("/api/v1/links/" + id + "/disable", null).json().get("status").asString())
                .isEqualTo("disabled");

        ApiClient.Answer on = api.post("/api/v1/links/" + id + "/enable", null);
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().get("status").asString()).isEqualTo("active");
        assertThat(jdbc.sql("select action from audit_event where workspace_id = ? and subject = ? order by occurred_at")
                .params(acme.workspace().value(), id).query(String.class).list())
                .containsSubsequence("link.created", "link.disabled", "link.enabled");
    }

    @Test
    void linksAreListedByPartnerAndProgramPageByPage() {
        ProgramFixtures.Setup acme = fixtures.program("Api list");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana List");
        ProgramFixtures.Member ben = fixtures.approvedPartner(acme, "Ben List");
        ApiClient api = api(acme.tenant().apiKey());
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/links", body(acme, ana, "\"campaign\": \"c" + i + "\""));
        }
        api.post("/api/v1/links", body(acme, ben, "\"campaign\": \"ben\""));

        JsonNode first = api.get("/api/v1/links?partnerId=" + ana.partner().id() + "&limit=2").json();
        assertThat(first.get("data")).hasSize(2);
        assertThat(first.get("has_more").asBoolean()).isTrue();
        String last = first.get("data").get(1).get("id").asString();
        JsonNode second = api.get("/api/v1/links?partnerId=" + ana.partner().id() + "&limit=2&starting_after=" + last)
                .json();
        assertThat(second.get("data")).hasSize(2); // the third made by hand and the default link
        assertThat(second.get("has_more").asBoolean()).isFalse();
        assertThat(second.get("data").valueStream().map(l -> l.get("partnerId").asString()))
                .containsOnly(ana.partner().id().toString());

        JsonNode all = api.get("/api/v1/links?programId=" + acme.program().id() + "&limit=100").json();
        assertThat(all.get("data")).hasSize(6);
        assertThat(api.get("/api/v1/links?partnerId=nonsense").status()).isEqualTo(400);
    }

    @Test
    void anotherWorkspacesKeyCannotReadOrChangeALink() {
        ProgramFixtures.Setup acme = fixtures.program("Api mine");
        ProgramFixtures.Setup other = fixtures.program("Api theirs");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Mine");
        String id = api(acme.tenant().apiKey()).post("/api/v1/links", body(acme, ana, "")).json().get("id").asString();
        ApiClient stranger = api(other.tenant().apiKey());

        assertThat(stranger.get("/api/v1/links/" + id).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/links/" + id + "/disable", null).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/links?partnerId=" + ana.partner().id()).json().get("data")).isEmpty();
        assertThat(stranger.post("/api/v1/links", body(acme, ana, "")).status()).isEqualTo(404);
        assertThat(api(acme.tenant().apiKey()).get("/api/v1/links/" + id).json().get("status").asString())
                .isEqualTo("active");
    }

    @Test
    void theOpenApiDescriptionDocumentsLinksAndCodes() {
        ApiClient.Answer docs = api(null).get("/api/docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/links", "/api/v1/links/{id}", "/api/v1/links/{id}/disable",
                "/api/v1/links/{id}/enable", "/api/v1/coupons", "/api/v1/codes", "/api/v1/codes/{id}/disable",
                "Create a tracking link for a partner", "\"default\"");
    }

    private static String body(ProgramFixtures.Setup s, ProgramFixtures.Member m, String more) {
        return "{\"programId\": \"" + s.program().id() + "\", \"partnerId\": \"" + m.partner().id() + "\""
                + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    private long links(ProgramFixtures.Setup s) {
        return jdbc.sql("select count(*) from link where workspace_id = ? and not is_default")
                .param(s.workspace().value()).query(Long.class).single();
    }

    private void click(ProgramFixtures.Setup s, ProgramFixtures.Member m, LinkId link, boolean bot, boolean repeat) {
        jdbc.sql("insert into click (workspace_id, id, clicked_at, link_id, program_id, partner_id, click_token, is_bot,"
                        + " is_repeat) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.workspace().value(), Ids.newId(), Timestamp.from(Instant.now()), link.value(),
                        s.program().id().value(), m.partner().id().value(), "token", bot, repeat)
                .update();
    }
}
