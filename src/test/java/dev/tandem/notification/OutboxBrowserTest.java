package dev.tandem.notification;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tandem.core.Language;
import dev.tandem.testing.Chromium;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An email opened from the outbox in a real Chromium: its HTML shows, styled, in the sandboxed
 * frame, with no Content Security Policy violation and no script in the console.
 */
class OutboxBrowserTest extends IntegrationTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Autowired
    Emails emails;

    @Autowired
    Fixtures fixtures;

    @Test
    void anOwnerOpensAnEmailFromTheOutboxAndSeesItAsThePartnerWill() {
        Fixtures.Tenant acme = fixtures.tenant("Acme Preview");
        emails.send(acme.ids().workspaceId(), "ana@acme.test", Language.EN, "magic-link",
                EmailsTest.magicLink("Ana", "Acme Partners"));

        Page page = chromium.open("http://localhost:" + port, null);
        page.navigate("/login");
        page.getByLabel("Email").fill(acme.ownerEmail());
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Outbox")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your sign-in link for Acme Partners"))
                .click();

        FrameLocator email = page.frameLocator("iframe[sandbox]");
        assertThat(email.getByText("Hi Ana,")).isVisible();
        // the button's inline style applies: the preview looks like the email, not like bare HTML
        assertThat(email.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("Sign in")))
                .hasCSS("color", "rgb(255, 255, 255)");
        assertThat(page.locator("pre")).containsText(EmailsTest.LINK);
    }
}
