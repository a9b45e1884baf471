package dev.tandem.commission;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.partner.PortalLinks;
import dev.tandem.testing.Chromium;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commission journey in a real Chromium: a manager reading Spanish publishes a plan on the plans
 * tab (a wrong percentage first, told next to the field, nothing stored), then a later version; a
 * sale arrives through the API; the manager approves its commission on the commissions page and the
 * ledger check agrees; the partner signs in and sees the balance, the explanation, the chart and the
 * plan version to come. No page logs a console error (a Content Security Policy violation would).
 */
class CommissionJourneyBrowserTest extends CommissionTestBase {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Autowired
    PortalLinks portalLinks;

    @Test
    void aPlanPublishedOnThePlansTabPaysASaleThatIsApprovedAndShownToThePartner() {
        start("Journey");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Journey");
        Page manager = chromium.open("http://localhost:" + port,
                new Browser.NewContextOptions().setLocale("es-ES").setViewportSize(1280, 900));
        manager.navigate("/login");
        manager.locator("#username").fill(setup.tenant().ownerEmail());
        manager.locator("#password").fill(Fixtures.PASSWORD);
        manager.locator("form button[type=submit]").click();
        manager.waitForURL("**/admin");

        manager.navigate("/admin/programs/" + setup.program().id() + "/plans");
        assertThat(manager.locator("nav.tabs strong[aria-current=page]")).hasText("Planes de comisiones");
        manager.locator("#f-rules-0-reward-percent").fill("150");
        manager.locator("#f-holdDays").fill("30");
        manager.locator("form.plan-form button[type=submit]").click();
        assertThat(manager.locator("#f-rules-0-reward-percent-error"))
                .hasText("Porcentaje debe ser mayor que 0 y como máximo 100");
        assertThat(manager.locator("#f-rules-0-reward-percent")).hasValue("150");
        assertThat(versions()).as("nothing stored").isZero();
        chromium.screenshot(manager, "plans-invalid.png");

        manager.locator("#f-rules-0-reward-percent").fill("10");
        manager.locator("form.plan-form button[type=submit]").click();
        assertThat(manager.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).hasText("Versión 1 publicada.");
        assertThat(manager.locator("tr[data-state=inForce]")).containsText("Venta: 10%");

        manager.locator("#f-effectiveFrom").fill("2026-03-01T00:00");
        manager.locator("#f-rules-0-reward-percent").fill("12");
        manager.locator("form.plan-form button[type=submit]").click();
        assertThat(manager.locator("tr[data-state=upcoming]")).containsText("Próxima (desde 2026-03-01)");
        assertThat(manager.locator("tr[data-state=upcoming]")).containsText("Venta: 12%");
        chromium.screenshot(manager, "plans.png");

        JsonNode sale = sale(ana, "cus_journey", 49_999, days(1));
        String commission = madeBy(sale).get(0).get("id").asString();

        manager.navigate("/admin/commissions");
        Locator row = manager.locator("tr[data-commission='" + commission + "']");
        assertThat(row).containsText("Ana Journey");
        assertThat(row).containsText("50,00");
        assertThat(row).containsText("Pendiente");
        row.locator("input[type=checkbox]").check();
        manager.locator("button[name=action][value=approve]").click();
        assertThat(manager.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).hasText("Aprobadas: 1.");
        assertThat(manager.locator("tr[data-commission='" + commission + "']")).containsText("Aprobada");
        chromium.screenshot(manager, "commissions.png");

        manager.locator("a[href='/admin/commissions/ledger']").click();
        assertThat(manager.locator("#ledger-verdict")).containsText("Todo coincide");
        assertThat(manager.locator("tr[data-partner='" + ana.partner().id() + "']")).containsText("Coincide");
        chromium.screenshot(manager, "ledger.png");

        Page partner = chromium.open("http://localhost:" + port, new Browser.NewContextOptions().setViewportSize(1280, 900));
        String link = portalLinks.issue(setup.workspace(), ana.partner().id(), PortalLinks.Purpose.SIGN_IN);
        partner.navigate(link.substring(link.indexOf("/portal/login/")));
        partner.locator("form button[type=submit]").click();
        partner.waitForURL("**/portal");
        // the home shows the same monthly bars, drawn (no console error: the extension checks)
        assertThat(partner.locator(".earnings-home figure.chart[data-currency=EUR] canvas")).hasAttribute("data-drawn", "true");
        partner.locator("nav a[href='/portal/earnings']").click();
        assertThat(partner.locator(".balance[data-currency=EUR] .amount.approved")).hasText("€50.00");
        assertThat(partner.locator(".balance[data-currency=EUR] .amount.pending")).hasText("€0.00");
        assertThat(partner.locator("tr[data-commission='" + commission + "'] .explanation"))
                .hasText("Registered plan v1: 10% of €499.99 = €50.00");
        assertThat(partner.locator(".program-plan .upcoming")).containsText("version 2");
        assertThat(partner.locator(".program-plan .upcoming")).containsText("Sale: 12%");
        assertThat(partner.locator("figure.chart canvas")).hasAttribute("data-drawn", "true");
        chromium.screenshot(partner, "earnings.png");
        assertBooksBalance();
    }

    private long versions() {
        return jdbc.sql("select count(*) from commission_plan where program_id = ?").param(setup.program().id().value())
                .query(Long.class).single();
    }
}
