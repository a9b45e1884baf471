package dev.tandem.tracking;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PortalLinks;
import dev.tandem.testing.Browsers;
import dev.tandem.testing.Chromium;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner in a real Chromium makes a link on the links page and copies it with one click, with
 * no console errors (a Content Security Policy violation would show up there). Screenshots go to
 * the folder named by {@code -Dtandem.screenshots=…}, if any.
 */
class LinkPortalBrowserTest extends IntegrationTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Autowired
    ProgramFixtures fixtures;
    @Autowired
    PortalLinks portalLinks;

    @Test
    void aPartnerMakesALinkAndCopiesIt() {
        ProgramFixtures.Setup acme = fixtures.program("Browser links");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Browser");
        Page page = chromium.open("http://localhost:" + port, new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setPermissions(List.of("clipboard-read", "clipboard-write")));
        signIn(page, acme.workspace(), ana.partner());

        page.navigate("/portal/links");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Your links");
        assertThat(page.locator(".link-card")).hasCount(1);
        assertThat(page.locator(".qr img").first()).isVisible();
        String slug = "ana-" + UUID.randomUUID().toString().substring(0, 8);
        page.getByLabel("Address", new Page.GetByLabelOptions().setExact(true)).fill(slug);
        page.getByLabel("Destination", new Page.GetByLabelOptions().setExact(true)).fill("https://elsewhere.example/");
        page.getByLabel("Campaign", new Page.GetByLabelOptions().setExact(true)).fill("Newsletter");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create link")).click();
        assertThat(page.locator(".field.invalid:has(#destination) small.error"))
                .hasText("Destination must be a page on the program's own website");
        page.getByLabel("Destination", new Page.GetByLabelOptions().setExact(true)).fill("https://shop.acme.test/spring");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create link")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Your link is ready to share.");
        chromium.screenshot(page, "portal-links.png");

        Locator card = page.locator(".link-card[data-slug='" + slug + "']");
        assertThat(card).containsText("Leads to https://shop.acme.test/spring");
        Locator copy = card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy"));
        copy.click();
        assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copied"))).isVisible();
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo("http://localhost:8080/r/" + slug);
        assertThat(page.locator("#copy-status")).hasText("Copied");
    }

    @Test
    void theLinksPageFitsAPhone() {
        ProgramFixtures.Setup acme = fixtures.program("Phone links");
        ProgramFixtures.Member ben = fixtures.approvedPartner(acme, "Ben Phone");
        Page page = chromium.open("http://localhost:" + port, new Browser.NewContextOptions()
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
        signIn(page, acme.workspace(), ben.partner());

        page.navigate("/portal/links");
        assertThat(page.locator(".link-card")).hasCount(1);
        assertThat(Browsers.horizontalOverflow(page)).as("the links page scrolls sideways").isZero();
        chromium.screenshot(page, "portal-links-phone.png");
    }

    private void signIn(Page page, WorkspaceId workspace, Partner partner) {
        String url = portalLinks.issue(workspace, partner.id(), PortalLinks.Purpose.SIGN_IN);
        page.navigate(url.substring(url.indexOf("/portal/login/")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL("http://localhost:" + port + "/portal");
    }
}
