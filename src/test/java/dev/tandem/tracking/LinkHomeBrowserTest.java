package dev.tandem.tracking;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
 * A partner in a real Chromium copies the link to share straight from the portal's home and finds
 * share buttons that carry it, on a desktop and on a 360 px phone, with no console errors (a
 * Content Security Policy violation would show up there).
 */
class LinkHomeBrowserTest extends IntegrationTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Autowired
    ProgramFixtures fixtures;
    @Autowired
    PortalLinks portalLinks;
    @Autowired
    Links links;

    @Test
    void aPartnerCopiesTheirLinkFromTheHomeAndSharesIt() {
        ProgramFixtures.Setup acme = fixtures.program("Home share");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Share");
        String url = "http://localhost:8080/r/"
                + links.defaultLink(acme.workspace(), acme.program().id(), ana.partner().id()).slug();
        String encoded = URLEncoder.encode(url, StandardCharsets.UTF_8);
        Page page = chromium.open("http://localhost:" + port, new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setPermissions(List.of("clipboard-read", "clipboard-write")));
        signIn(page, acme.workspace(), ana.partner());

        Locator section = page.locator("section.link-to-share");
        assertThat(section.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Your link to share")))
                .isVisible();
        assertThat(section.getByLabel("Link address", new Locator.GetByLabelOptions().setExact(true))).hasValue(url);
        assertThat(section.locator(".qr img")).isVisible();
        section.locator(".link-card").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy")).click();
        assertThat(section.locator(".link-card").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Copied"))).isVisible();
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(url);
        assertThat(page.locator("#copy-status")).hasText("Copied");

        assertThat(section.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("LinkedIn")))
                .hasAttribute("href", "https://www.linkedin.com/sharing/share-offsite/?url=" + encoded);
        assertThat(section.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Facebook")))
                .hasAttribute("href", "https://www.facebook.com/sharer/sharer.php?u=" + encoded);
        String x = section.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("X").setExact(true))
                .getAttribute("href");
        assertThat(x).startsWith("https://x.com/intent/post?text=").endsWith("&url=" + encoded);
        String mail = section.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Email"))
                .getAttribute("href");
        assertThat(mail).startsWith("mailto:?subject=A%20recommendation%3A%20Home%20share&body=").contains(encoded);
        chromium.screenshot(page, "portal-home-share.png");
    }

    @Test
    void theLinkToShareFitsA360PixelPhone() {
        ProgramFixtures.Setup acme = fixtures.program("Home phone");
        ProgramFixtures.Member ben = fixtures.approvedPartner(acme, "Ben Home Phone");
        Page page = chromium.open("http://localhost:" + port, new Browser.NewContextOptions()
                .setViewportSize(360, 740).setIsMobile(true).setHasTouch(true));
        signIn(page, acme.workspace(), ben.partner());

        assertThat(page.locator("section.link-to-share .link-card")).hasCount(1);
        assertThat(Browsers.horizontalOverflow(page)).as("the home scrolls sideways").isZero();
        chromium.screenshot(page, "portal-home-share-phone.png");
    }

    private void signIn(Page page, WorkspaceId workspace, Partner partner) {
        String url = portalLinks.issue(workspace, partner.id(), PortalLinks.Purpose.SIGN_IN);
        page.navigate(url.substring(url.indexOf("/portal/login/")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL("http://localhost:" + port + "/portal");
    }
}
