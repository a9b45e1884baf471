package dev.tandem.referral;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tandem.testing.Chromium;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor on a partner's hosted referral page in a real Chromium, in Spanish: the honeypot is out of
 * sight, the form is sent like a person sends it, and no console error (a Content Security Policy
 * violation shows up there). Screenshots go to the folder named by {@code -Dtandem.screenshots=…}, if any.
 */
class HostedPageBrowserTest extends SnippetTestBase {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Test
    void aVisitorReadsTheInvitationInSpanishAndSendsTheForm() {
        ProgramFixtures.Setup s = fixtures.program("Facturas Browser");
        ProgramFixtures.Member ana = fixtures.approvedPartner(s, "Ana Ruiz");
        String code = referralCode(s, ana).code();
        Page page = chromium.open("http://localhost:" + port,
                new Browser.NewContextOptions().setLocale("es-ES").setViewportSize(1280, 900));

        page.navigate("/p/" + s.program().slug() + "/" + code);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Ana te invita a Facturas Browser");
        assertThat(page.locator("#website")).not().isInViewport();
        chromium.screenshot(page, "hosted-page.png");

        page.getByLabel("Tu nombre").fill("Lucía Pérez");
        page.getByLabel("Correo electrónico").fill("lucia@estudio.test");
        page.getByLabel("Empresa").fill("Estudio Pérez");
        page.getByLabel("Mensaje").fill("Quiero una demo");
        // a person takes a moment: faster than that is what scripts do
        page.waitForTimeout(2100);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Gracias");
        chromium.screenshot(page, "hosted-page-thanks.png");
        assertThat(events(s)).singleElement().satisfies(lead -> {
            assertThat(lead.get("partner_id")).isEqualTo(ana.partner().id().value());
            assertThat(lead.get("source")).isEqualTo("hosted_page");
        });
    }
}
