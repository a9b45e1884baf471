package dev.tandem.payout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tandem.commission.CommissionTestBase;
import dev.tandem.partner.PortalLinks;
import dev.tandem.testing.Chromium;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payout journey in a real Chromium: two partners have approved commissions, one with SEPA
 * details and one without. The manager saves the paying account, starts a run by choosing the
 * program, sees the SEPA partner's draft and the other partner held back, approves every draft,
 * downloads the SEPA file, sends the payouts and marks the payout paid with a bank reference. The
 * partner then signs in, opens Payouts from the navigation, sees the payout paid and downloads the
 * statement. The books balance; no page logs a console error.
 */
class PayoutJourneyBrowserTest extends CommissionTestBase {

    private static final String ANA_IBAN = "ES9121000418450200051332";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Autowired
    PortalLinks portalLinks;

    @Test
    void aManagerPaysAPartnerByBankAndThePartnerSeesThePaidPayoutWithItsStatement() throws IOException {
        start("Payout journey");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Journey");
        ProgramFixtures.Member cy = programs.approvedPartner(setup, "Cy Journey");
        payoutMethod(ana, "{\"type\": \"sepa\", \"holderName\": \"Ana Journey\", \"iban\": \"" + ANA_IBAN + "\"}");
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        sale(ana, "cus_journey_ana", 100_000, days(1));
        sale(cy, "cus_journey_cy", 20_000, days(1));
        later(Duration.ofDays(16));

        Page manager = chromium.open("http://localhost:" + port, new Browser.NewContextOptions().setViewportSize(1280, 900));
        manager.navigate("/login");
        manager.locator("#username").fill(setup.tenant().ownerEmail());
        manager.locator("#password").fill(Fixtures.PASSWORD);
        manager.locator("form button[type=submit]").click();
        manager.waitForURL("**/admin");

        manager.navigate("/admin/payouts/settings");
        manager.locator("#name").fill("Journey Shop GmbH");
        manager.locator("#iban").fill("DE89 3704 0044 0532 0130 00");
        manager.locator("#bic").fill("COBADEFFXXX");
        manager.locator("#country").fill("DE");
        manager.locator("form[action='/admin/payouts/settings/account']")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(manager.getByRole(AriaRole.STATUS)).hasText("Paying account saved.");
        chromium.screenshot(manager, "payout-settings.png");

        manager.navigate("/admin/payouts");
        assertThat(manager.locator("section.payout-runs")).containsText("No payout run yet");
        manager.locator("#programId").selectOption(setup.program().id().toString());
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a payout run")).click();
        manager.waitForURL("**/admin/payouts/runs/run_*");

        Locator anasPayout = manager.locator("tr[data-payout]").filter(new Locator.FilterOptions().setHasText("Ana Journey"));
        assertThat(anasPayout).containsText("€100.00");
        assertThat(anasPayout).containsText("IBAN ES91 •••• 1332");
        assertThat(anasPayout.locator(".status")).hasText("Draft");
        Locator cysHold = manager.locator("tr[data-held]").filter(new Locator.FilterOptions().setHasText("Cy Journey"));
        assertThat(cysHold).containsText("€20.00");
        assertThat(cysHold).containsText("No payout details yet");
        assertThat(manager.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Held back"))).isVisible();
        chromium.screenshot(manager, "payout-run-draft.png");

        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve every draft")).click();
        assertThat(manager.getByRole(AriaRole.STATUS)).containsText("Every draft payout is approved");
        assertThat(anasPayout.locator(".status")).hasText("Approved");

        Locator sepaLink = manager.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("SEPA credit transfer file (pain.001) for your bank"));
        Download sepa = manager.waitForDownload(sepaLink::click);
        String sepaFile = Files.readString(sepa.path(), StandardCharsets.UTF_8);
        assertThat(sepaFile).contains(ANA_IBAN).contains("<InstdAmt Ccy=\"EUR\">");

        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the approved payouts")).click();
        assertThat(manager.getByRole(AriaRole.STATUS)).hasText("Sent. Payouts by file wait until you mark them paid or failed.");
        assertThat(anasPayout.locator(".status")).hasText("On its way");
        anasPayout.getByLabel("Bank reference").fill("BANK-JOURNEY-1");
        anasPayout.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark paid")).click();
        assertThat(manager.getByRole(AriaRole.STATUS)).containsText("Payout marked paid");
        assertThat(anasPayout.locator(".status")).hasText("Paid");
        assertThat(anasPayout).containsText("Reference BANK-JOURNEY-1");
        chromium.screenshot(manager, "payout-run-paid.png");

        Page partner = chromium.open("http://localhost:" + port, new Browser.NewContextOptions().setViewportSize(1280, 900));
        String link = portalLinks.issue(setup.workspace(), ana.partner().id(), PortalLinks.Purpose.SIGN_IN);
        partner.navigate(link.substring(link.indexOf("/portal/login/")));
        partner.locator("form button[type=submit]").click();
        partner.waitForURL("**/portal");
        partner.locator("nav a[href='/portal/payouts']").click();
        partner.waitForURL("**/portal/payouts");
        Locator paid = partner.locator("tr[data-payout]").filter(new Locator.FilterOptions().setHasText("€100.00"));
        assertThat(paid).hasCount(1);
        assertThat(paid).containsText("Paid");
        assertThat(paid).containsText("IBAN ES91 •••• 1332");
        chromium.screenshot(partner, "portal-payouts.png");

        Download statement = partner.waitForDownload(
                paid.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Statement (PDF)"))::click);
        byte[] pdf = Files.readAllBytes(statement.path());
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        assertBooksBalance();
    }
}
