package dev.tandem.referral;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tandem.testing.Chromium;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real Chromium a manager sorts the referral list by customer with a header link, then goes
 * to the next page: the order holds across the page boundary, aria-sort says it, the page has no
 * client-side sort buttons or filter box on top (the server sorts and searches), and no console
 * errors.
 */
class ReferralListBrowserTest extends ReferralPagesBaseTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Test
    void aManagerSortsByCustomerThenPagesOnInThatOrder() {
        ProgramFixtures.Setup acme = programs.program("Acme Paging");
        ProgramFixtures.Member ana = programs.approvedPartner(acme, "Ana Paging");
        for (int k = 0; k < 55; k++) {
            lead(acme.workspace(), "kunde" + k + "@example.com", "Kunde %02d".formatted(k * 13 % 55), null,
                    ana.partner().id().toString());
        }
        Page page = chromium.open("http://localhost:" + port, new Browser.NewContextOptions().setViewportSize(1280, 900));
        page.navigate("/login");
        page.getByLabel("Email").fill(acme.tenant().ownerEmail());
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.navigate("/admin/referrals?status=lead");

        Locator customer = page.locator("table.referrals th").first();
        Locator rows = page.locator("table.referrals tbody tr");
        assertThat(customer).hasAttribute("aria-sort", "none");
        assertThat(page.locator("table.referrals button.sort")).hasCount(0);
        assertThat(page.getByLabel("Filter this table")).hasCount(0);

        customer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Customer")).click();
        assertThat(customer).hasAttribute("aria-sort", "ascending");
        assertThat(rows).hasCount(50);
        assertThat(rows.first().locator("td").first()).containsText("Kunde 00");
        assertThat(page.getByText("Showing 1–50 of 55")).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next")).click();
        assertThat(customer).hasAttribute("aria-sort", "ascending");
        assertThat(rows).hasCount(5);
        assertThat(rows.first().locator("td").first()).containsText("Kunde 50");
        assertThat(rows.last().locator("td").first()).containsText("Kunde 54");
        assertThat(page.getByText("Showing 51–55 of 55")).isVisible();
        assertThat(page.getByLabel("Status")).hasValue("lead");
        chromium.screenshot(page, "referrals-sorted-page-2.png");

        customer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Customer")).focus();
        page.keyboard().press("Enter");
        assertThat(customer).hasAttribute("aria-sort", "descending");
        assertThat(rows.first().locator("td").first()).containsText("Kunde 54");
    }
}
