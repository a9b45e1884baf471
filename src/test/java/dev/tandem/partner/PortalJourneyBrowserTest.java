package dev.tandem.partner;


import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import dev.tandem.testing.Browsers;
import dev.tandem.testing.Chromium;
import dev.tandem.workspace.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's first visit in a real Chromium: asking for a sign-in link, taking it from the email,
 * accepting the agreement the banner asks for, and ticking an onboarding step — with no console
 * errors (a Content Security Policy violation shows up there). Screenshots go to the folder named
 * by {@code -Dtandem.screenshots=…}, if any.
 */
class PortalJourneyBrowserTest extends PortalScenarioTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Test
    void aPartnerSignsInByEmailedLinkAcceptsTheAgreementAndTicksAStep() {
        Business acme = business("Acme Journey");
        String email = email("ana");
        approvedPartner(acme, email, "Ana Journey");
        publish(acme.workspace(), acme.program(), null, "Partner terms",
                "## Commission\n\nYou earn **20%** of every first-year sale.");
        onboarding.addStep(acme.workspace(), Actor.system(), acme.program().id(), OnboardingStepKind.ACCEPT_AGREEMENT,
                "Accept the agreement", null);
        onboarding.addStep(acme.workspace(), Actor.system(), acme.program().id(), OnboardingStepKind.WATCH_VIDEO,
                "Watch the product video", "https://video.example.com/tour");
        Page page = open(new Browser.NewContextOptions().setViewportSize(1280, 900));

        page.navigate("/portal");
        assertThat(page).hasURL(url("/portal/login"));
        chromium.screenshot(page, "portal-login.png");
        page.getByLabel("Email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Check your inbox");

        page.navigate(linkFromOutbox(acme.workspace(), email));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(url("/portal"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Welcome, Ana Journey");
        Locator banner = page.locator("#pending-agreements");
        assertThat(banner).isVisible();
        assertThat(page.locator("table.programs")).containsText("0 of 2 steps done");
        chromium.screenshot(page, "portal-home-pending.png");

        banner.getByRole(AriaRole.LINK).click();
        assertThat(page.locator(".agreement-text strong")).hasText("20%");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I accept version 1")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("your acceptance is recorded");
        assertThat(page.locator("#pending-agreements")).hasCount(0);
        chromium.screenshot(page, "portal-agreement.png");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your receipt")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Acceptance receipt");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator(".sidebar")).isHidden();
        chromium.screenshot(page, "portal-receipt-print.png");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        portalNavigation(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Onboarding")).click();
        Locator checklist = page.locator("article.checklist");
        assertThat(checklist).containsText("1 of 2 steps done");
        checklist.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as done")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Step done");
        assertThat(checklist).containsText("2 of 2 steps done");
        assertThat(checklist.getByRole(AriaRole.BUTTON)).hasCount(0);
        chromium.screenshot(page, "portal-onboarding.png");

        portalNavigation(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Payout details")).click();
        page.getByLabel("Account holder").fill("Ana Journey");
        page.getByLabel("IBAN").fill("ES91 2100 0418 4502 0005 1333");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".field.invalid:has(#iban) small.error")).containsText("check digit that does not match");
        page.getByLabel("IBAN").fill("ES91 2100 0418 4502 0005 1332");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".current-payout .summary")).hasText("IBAN ES91 •••• 1332");
        chromium.screenshot(page, "portal-payout.png");
    }

    @Test
    void thePortalIsUsableOnAPhone() {
        Business acme = business("Acme Phone");
        String email = email("ben");
        approvedPartner(acme, email, "Ben Phone");
        publish(acme.workspace(), acme.program(), null, "Terms", "Short terms.");
        Page page = open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));

        page.navigate("/portal/login");
        assertThat(Browsers.horizontalOverflow(page)).isZero();
        page.getByLabel("Email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).tap();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Check your inbox");
        assertThat(Browsers.horizontalOverflow(page)).isZero();
        page.navigate(linkFromOutbox(acme.workspace(), email));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).tap();
        assertThat(page).hasURL(url("/portal"));
        assertThat(page.locator("#pending-agreements")).isVisible();
        assertThat(Browsers.horizontalOverflow(page)).as("the home page scrolls sideways").isZero();
        chromium.screenshot(page, "portal-home-phone.png");
        page.navigate("/portal/payout");
        assertThat(Browsers.horizontalOverflow(page)).as("the payout page scrolls sideways").isZero();
    }

    private Page open(Browser.NewContextOptions options) {
        return chromium.open("http://localhost:" + port, options);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Locator portalNavigation(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Partner portal"));
    }


}
