package dev.tandem.tracking;

import dev.tandem.core.Ids;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Coupon codes mapped to partners, and every code of a partner, through the API. */
class CodesApiTest extends IntegrationTest {

    @Autowired
    ProgramFixtures fixtures;
    @Autowired
    Links links;
    @Autowired
    TrackingLookup lookup;

    @Test
    void aCouponIsMappedToAPartnerAndNamesThemWhateverTheCase() {
        ProgramFixtures.Setup acme = fixtures.program("Coupons");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Coupon");
        ApiClient api = api(acme.tenant().apiKey());

        ApiClient.Answer created = api.post("/api/v1/coupons", coupon(acme, ana, "SPRING25", "25% off the first year"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode code = created.json();
        assertThat(code.get("id").asString()).startsWith("cod_");
        assertThat(code.get("code").asString()).isEqualTo("SPRING25");
        assertThat(code.get("kind").asString()).isEqualTo("coupon");
        assertThat(code.get("description").asString()).isEqualTo("25% off the first year");
        assertThat(code.get("status").asString()).isEqualTo("active");
        assertThat(code.get("partnerId").asString()).isEqualTo(ana.partner().id().toString());
        assertThat(lookup.code(acme.workspace(), "spring25")).map(ReferralCode::partnerId).contains(ana.partner().id());
    }

    @Test
    void codesAreUniqueInAWorkspaceWhateverTheirCaseAndKind() {
        ProgramFixtures.Setup acme = fixtures.program("Unique codes");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Unique");
        ProgramFixtures.Member ben = fixtures.approvedPartner(acme, "Ben Unique");
        ApiClient api = api(acme.tenant().apiKey());
        String referral = links.referralCode(acme.workspace(), acme.program().id(), ana.partner().id()).code();
        assertThat(api.post("/api/v1/coupons", coupon(acme, ana, "Summer-10", "")).status()).isEqualTo(201);
        long before = codes(acme);

        for (String taken : new String[] {"summer-10", "SUMMER-10", referral.toLowerCase()}) {
            ApiClient.Answer refused = api.post("/api/v1/coupons", coupon(acme, ben, taken, ""));
            assertThat(refused.status()).as(taken).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
            assertThat(refused.json().get("errors").get(0).get("message").asString()).isEqualTo("is already taken");
        }
        assertThat(codes(acme)).isEqualTo(before);

        ProgramFixtures.Setup other = fixtures.program("Other workspace");
        ProgramFixtures.Member cleo = fixtures.approvedPartner(other, "Cleo Other");
        assertThat(api(other.tenant().apiKey()).post("/api/v1/coupons", coupon(other, cleo, "SUMMER-10", "")).status())
                .as("another workspace has its own codes").isEqualTo(201);
    }

    @Test
    void badCouponsAreRefusedFieldByField() {
        ProgramFixtures.Setup acme = fixtures.program("Bad coupons");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Bad");
        ApiClient api = api(acme.tenant().apiKey());
        long before = codes(acme);

        ApiClient.Answer refused = api.post("/api/v1/coupons", coupon(acme, ana, "no spaces!", "x".repeat(201)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("code", "description");
        assertThat(api.post("/api/v1/coupons", coupon(acme, ana, "AB", "")).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/coupons", "{}").json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("programId", "partnerId", "code");
        assertThat(codes(acme)).isEqualTo(before);
    }

    @Test
    void aPartnersReferralCodeAndCouponsAreListedAndOneCanBeSwitchedOff() {
        ProgramFixtures.Setup acme = fixtures.program("List codes");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana List");
        ProgramFixtures.Member ben = fixtures.approvedPartner(acme, "Ben List");
        ApiClient api = api(acme.tenant().apiKey());
        String referral = links.referralCode(acme.workspace(), acme.program().id(), ana.partner().id()).code();
        links.referralCode(acme.workspace(), acme.program().id(), ben.partner().id());
        String couponId = api.post("/api/v1/coupons", coupon(acme, ana, "ANA-FRIENDS", "10% off")).json()
                .get("id").asString();

        JsonNode list = api.get("/api/v1/codes?partnerId=" + ana.partner().id()).json();
        assertThat(list.get("data").valueStream().map(c -> c.get("code").asString()))
                .containsExactlyInAnyOrder(referral, "ANA-FRIENDS");
        assertThat(list.get("data").valueStream().map(c -> c.get("kind").asString()))
                .containsExactlyInAnyOrder("referral", "coupon");
        assertThat(list.get("has_more").asBoolean()).isFalse();

        ApiClient.Answer off = api.post("/api/v1/codes/" + couponId + "/disable", null);
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("status").asString()).isEqualTo("disabled");
        assertThat(api.get("/api/v1/codes/" + couponId).json().get("status").asString()).isEqualTo("disabled");
        assertThat(api.post("/api/v1/codes/" + new CodeId(Ids.newId()) + "/disable", null).status()).isEqualTo(404);
    }

    @Test
    void anotherWorkspacesKeyCannotSeeOrSwitchOffACode() {
        ProgramFixtures.Setup acme = fixtures.program("Codes mine");
        ProgramFixtures.Setup other = fixtures.program("Codes theirs");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Mine");
        String id = api(acme.tenant().apiKey()).post("/api/v1/coupons", coupon(acme, ana, "MINE-ONLY", "")).json()
                .get("id").asString();
        ApiClient stranger = api(other.tenant().apiKey());

        assertThat(stranger.get("/api/v1/codes/" + id).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/codes/" + id + "/disable", null).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/codes?partnerId=" + ana.partner().id()).json().get("data")).isEmpty();
        assertThat(api(acme.tenant().apiKey()).get("/api/v1/codes/" + id).json().get("status").asString())
                .isEqualTo("active");
    }

    private static String coupon(ProgramFixtures.Setup s, ProgramFixtures.Member m, String code, String description) {
        return """
                {"programId": "%s", "partnerId": "%s", "code": "%s", "description": "%s"}"""
                .formatted(s.program().id(), m.partner().id(), code, description);
    }

    private long codes(ProgramFixtures.Setup s) {
        return jdbc.sql("select count(*) from referral_code where workspace_id = ? and kind = 'coupon'")
                .param(s.workspace().value()).query(Long.class).single();
    }
}
