package dev.tandem.referral;

import java.time.Duration;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tandem.testing.Chromium;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.tracking.LinkId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager in a real Chromium walks the pipeline: the list, a referral's page with its
 * explanation, and moving it to lost with a reason — with no console errors (a Content Security
 * Policy violation shows up there). Screenshots go to {@code -Dtandem.screenshots=…}, if set.
 */
class ReferralPagesBrowserTest extends ReferralPagesBaseTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Test
    void aManagerOpensAReferralFromTheListAndMovesItToLost() {
        ProgramFixtures.Setup acme = programs.program("Acme Browser");
        ProgramFixtures.Member ana = programs.approvedPartner(acme, "Ana Browser");
        LinkId link = link(acme.workspace(), acme.program(), ana.partner(), "ana");
        Referral referral = lead(acme.workspace(), "gina@example.com", "Gina Browser",
                clicked(acme.workspace(), link, Duration.ofHours(2)), null).referral();
        Page page = chromium.open("http://localhost:" + port, new Browser.NewContextOptions().setViewportSize(1280, 900));

        page.navigate("/login");
        page.getByLabel("Email").fill(acme.tenant().ownerEmail());
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.navigate("/admin/referrals");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Referrals");
        Locator row = page.locator("tr[data-referral='" + referral.id() + "']");
        assertThat(row).containsText("Ana Browser");
        assertThat(row).containsText("Lead");
        chromium.screenshot(page, "referrals-list.png");

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Gina Browser")).click();
        assertThat(page.locator("#current-status")).hasText("Lead");
        assertThat(page.locator(".explanation").first()).containsText("Touchpoints weighed");
        assertThat(page.locator(".touch.won").first()).containsText("Ana Browser");
        chromium.screenshot(page, "referral-detail.png");

        page.getByLabel("New status").selectOption("lost");
        page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true)).fill("Went with a competitor");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move").setExact(true)).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Referral moved.");
        assertThat(page.locator("#current-status")).hasText("Lost");
        assertThat(page.locator("table.history")).containsText("Went with a competitor");
        assertThat(statusOf(acme.workspace(), referral.id())).isEqualTo("lost");
        chromium.screenshot(page, "referral-moved.png");
    }

    @Test
    void aPartnerReadsWhyTheyGotTheCreditWithoutSeeingTheOtherPartner() {
        ProgramFixtures.Setup acme = programs.program("Acme Portal Browser");
        ProgramFixtures.Member ana = programs.approvedPartner(acme, "Ana Loser");
        ProgramFixtures.Member bea = programs.approvedPartner(acme, "Bea Winner");
        LinkId anaLink = link(acme.workspace(), acme.program(), ana.partner(), "ana");
        LinkId beaLink = link(acme.workspace(), acme.program(), bea.partner(), "bea");
        lead(acme.workspace(), "hugo@example.com", "Hugo Browser", clicked(acme.workspace(), anaLink, Duration.ofHours(3)),
                null);
        Referral referral = sale(acme.workspace(), "hugo@example.com",
                clicked(acme.workspace(), beaLink, Duration.ofHours(1)), 4999).referral();
        Page page = chromium.open("http://localhost:" + port, new Browser.NewContextOptions().setViewportSize(1280, 900));
        page.navigate(portalSignInLink(acme, bea));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        page.navigate("/portal/referrals");
        Locator row = page.locator("tr[data-referral='" + referral.id() + "']");
        assertThat(row).containsText("Customer");
        row.getByRole(AriaRole.LINK).click();
        page.locator("details.why-credit summary").last().click();
        assertThat(page.locator(".touch.lost").last()).containsText("Another partner");
        assertThat(page.locator("main")).not().containsText("Ana Loser");
        chromium.screenshot(page, "portal-referral.png");
    }

    private String portalSignInLink(ProgramFixtures.Setup acme, ProgramFixtures.Member member) {
        String url = portalLinks.issue(acme.workspace(), member.partner().id(), dev.tandem.partner.PortalLinks.Purpose.SIGN_IN);
        return url.substring(url.indexOf("/portal/login/"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.tandem.partner.PortalLinks portalLinks;
}
