package dev.tandem.tracking;

import java.util.Map;
import java.util.UUID;

import dev.tandem.program.Program;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A program's links and codes pages for its managers. */
class LinksAdminPagesTest extends IntegrationTest {

    @Autowired
    ProgramFixtures fixtures;
    @Autowired
    Links links;
    @Autowired
    Codes codes;

    @Test
    void managersSeeEveryLinkAndMakeOneForAPartner() {
        ProgramFixtures.Setup acme = fixtures.program("Admin links");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Admin");
        ProgramFixtures.Member ben = fixtures.approvedPartner(acme, "Ben Admin");
        Link bens = links.defaultLink(acme.workspace(), acme.program().id(), ben.partner().id());
        WebClient staff = signedIn(acme);
        String base = "/admin/programs/" + acme.program().id() + "/links";

        WebClient.Page page = staff.get(base);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Ben Admin").contains("/r/" + bens.slug());

        String slug = "ana-" + UUID.randomUUID().toString().substring(0, 8);
        WebClient.Page created = staff.post(base, Map.of("partnerId", ana.partner().id().toString(), "slug", slug,
                "destination", "https://shop.acme.test/", "campaign", "Fair"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).isEqualTo(base + "?partner=" + ana.partner().id());
        WebClient.Page filtered = staff.get(created.location());
        assertThat(filtered.body()).contains("Link created.").contains("/r/" + slug).contains("Fair")
                .doesNotContain("/r/" + bens.slug());

        WebClient.Page taken = staff.post(base, Map.of("partnerId", ana.partner().id().toString(), "slug", slug,
                "destination", "https://elsewhere.example/", "campaign", ""));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body()).contains("Address is already taken")
                .contains("Destination must be a page on the program&#39;s own website");
    }

    @Test
    void managersSwitchLinksOffAndOnOnlyWithinTheProgram() {
        ProgramFixtures.Setup acme = fixtures.program("Admin switch");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Switch");
        Link link = links.defaultLink(acme.workspace(), acme.program().id(), ana.partner().id());
        Program other = fixtures.anotherProgram(acme.tenant(), "Other program");
        WebClient staff = signedIn(acme);
        String base = "/admin/programs/" + acme.program().id() + "/links";
        staff.get(base);

        assertThat(staff.post("/admin/programs/" + other.id() + "/links/" + link.id() + "/disable", Map.of()).status())
                .isEqualTo(404);
        assertThat(links.get(acme.workspace(), link.id()).enabled()).isTrue();
        assertThat(staff.post(base + "/" + link.id() + "/disable", Map.of("partner", "")).status()).isEqualTo(302);
        assertThat(links.get(acme.workspace(), link.id()).enabled()).isFalse();
        assertThat(staff.get(base).body()).contains("Link switched off.");
        assertThat(staff.post(base + "/" + link.id() + "/enable", Map.of("partner", "")).status()).isEqualTo(302);
        assertThat(links.get(acme.workspace(), link.id()).enabled()).isTrue();
    }

    @Test
    void codesPageListsReferralCodesAndAddsAndSwitchesOffCoupons() {
        ProgramFixtures.Setup acme = fixtures.program("Admin codes");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Codes");
        String referral = links.referralCode(acme.workspace(), acme.program().id(), ana.partner().id()).code();
        WebClient staff = signedIn(acme);
        String base = "/admin/programs/" + acme.program().id() + "/codes";

        assertThat(staff.get(base).body()).contains(referral).contains("Referral code").contains("Ana Codes");

        WebClient.Page added = staff.post(base + "/coupons", Map.of("partnerId", ana.partner().id().toString(),
                "code", "WINTER30", "description", "30% off"));
        assertThat(added.status()).isEqualTo(302);
        assertThat(staff.get(base).body()).contains("Coupon added.").contains("WINTER30").contains("30% off");

        WebClient.Page taken = staff.post(base + "/coupons", Map.of("partnerId", ana.partner().id().toString(),
                "code", referral.toLowerCase(), "description", ""));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body()).contains("Code is already taken");

        ReferralCode coupon = codes.ofPartner(acme.workspace(), ana.partner().id(), null).stream()
                .filter(c -> c.kind() == CodeKind.COUPON).findFirst().orElseThrow();
        assertThat(staff.post(base + "/" + coupon.id() + "/disable", Map.of()).status()).isEqualTo(302);
        assertThat(codes.get(acme.workspace(), coupon.id()).enabled()).isFalse();
    }

    @Test
    void theProgramOverviewLinksToBothPages() {
        ProgramFixtures.Setup acme = fixtures.program("Admin nav");
        WebClient staff = signedIn(acme);

        assertThat(staff.get("/admin/programs/" + acme.program().id()).body())
                .contains("/admin/programs/" + acme.program().id() + "/links")
                .contains("/admin/programs/" + acme.program().id() + "/codes");
    }

    private WebClient signedIn(ProgramFixtures.Setup setup) {
        WebClient staff = browser();
        assertThat(staff.login(setup.tenant().ownerEmail(), Fixtures.PASSWORD).location()).isEqualTo("/admin");
        return staff;
    }
}
