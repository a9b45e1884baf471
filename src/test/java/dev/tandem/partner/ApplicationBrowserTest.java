package dev.tandem.partner;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tandem.program.ApplicationQuestion;
import dev.tandem.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applying in a real Chromium, on a phone: the page loads its styles under the Content Security
 * Policy, a person never sees the honeypot, and the form goes through to the thank-you page.
 * Screenshots are written when {@code -Dtandem.screenshots=/some/folder} is set.
 */
class ApplicationBrowserTest extends PartnerTestBase {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Test
    void aPersonAppliesOnAPhoneWithoutEverSeeingTheHoneypot() {
        Setup s = program("Phone Partners");
        idealProfile(s);
        question(s, "Do you run an agency?", ApplicationQuestion.Kind.YES_NO, List.of(), true);
        Page page = chromium.open("http://localhost:" + port,
                new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("es-ES"));

        page.navigate("/p/" + s.program().slug());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hazte partner de Phone Partners")))
                .isVisible();
        assertThat(page.locator("#homepage")).not().isInViewport();
        assertThat(page.locator(".hp").boundingBox().x).as("the honeypot is off screen").isLessThan(-1000);
        chromium.screenshot(page, "apply-phone-es.png");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Solicitar ahora")).click();
        page.getByLabel("Tu nombre").fill("Elena Móvil");
        page.getByLabel("Correo electrónico").fill("elena@phone.test");
        page.getByLabel("¿Cómo piensas recomendarnos a clientes?").fill("En mi canal de YouTube sobre facturación.");
        page.getByLabel("Primera referencia").fill("Jorge, jorge@clients.test");
        page.getByLabel("Sector").fill("Software");
        page.getByLabel("Región", new Page.GetByLabelOptions().setExact(true)).fill("España");
        page.getByLabel("Sí").check();
        page.getByLabel("Acepto las condiciones del programa").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar mi solicitud")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Gracias por tu solicitud")))
                .isVisible();
        assertThat(enrollmentOf(s, "elena@phone.test").status()).isEqualTo(EnrollmentStatus.PENDING);
        chromium.screenshot(page, "apply-thanks-es.png");
    }

    @Test
    void aReviewerSeesTheFitScoreReasonsAndApprovesFromTheQueue() {
        Setup s = program("Desk Partners");
        idealProfile(s);
        apply(browser(), s, application("Dora Desk", "dora@desk.test"));
        Page page = chromium.open("http://localhost:" + port,
                new Browser.NewContextOptions().setViewportSize(1280, 900));
        page.navigate("/login");
        page.getByLabel("Email").fill(s.tenant().ownerEmail());
        page.getByLabel("Password").fill(dev.tandem.testing.Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Partners").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("1 waiting for review")).click();
        assertThat(page.getByText("Fit 75/100")).isVisible();
        assertThat(page.getByText("hoped for: spain · weight 1")).isVisible();
        chromium.screenshot(page, "review-queue.png");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();

        assertThat(page.getByText("Approved Dora Desk.")).isVisible();
        assertThat(enrollmentOf(s, "dora@desk.test").status()).isEqualTo(EnrollmentStatus.APPROVED);
        page.navigate("/admin/partners/" + enrollmentOf(s, "dora@desk.test").partnerId());
        chromium.screenshot(page, "partner.png");
    }

}
