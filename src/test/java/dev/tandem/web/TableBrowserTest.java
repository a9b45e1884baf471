package dev.tandem.web;

import java.time.Duration;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tandem.commission.CommissionTestBase;
import dev.tandem.testing.Chromium;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Tables sort and filter in the browser (static/js/tables.js): on a payout run's page, whose payouts
 * table is always complete (a run's payouts are never paged; the commissions list now is, and is
 * sorted on the server), the Amount header sorts by value, not by the formatted text (€1,050.00
 * after €120.00), both ways, saying so with aria-sort; the filter box keeps the rows with a
 * partner's name and says when none is left; all of it by keyboard too, and in the reader's language.
 */
class TableBrowserTest extends CommissionTestBase {

    // sales in minor units; at 10% the commissions, one per partner and so one payout each, run from €0.50 to €1,050.00
    private static final long[] SALES = {70_00, 125_00, 840_00, 10_500_00, 30_00, 99_00, 2_000_00, 15_00, 460_00,
            5_00, 330_00, 1_200_00};

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private String runId;

    @Test
    void theAmountHeaderSortsCommissionsByValueBothWays() {
        twelveCommissions("Sorting tables");
        Page page = signedIn(null);
        Locator amount = amountHeader(page);
        Locator rows = page.locator("table.payouts tbody tr");
        assertThat(amount).hasAttribute("aria-sort", "none");

        amount.getByRole(AriaRole.BUTTON).click();
        assertThat(amount).hasAttribute("aria-sort", "ascending");
        assertThat(rows.first().locator("td span.amount")).hasText("€0.50");
        assertThat(rows.last().locator("td span.amount")).hasText("€1,050.00");
        assertThat(rows.nth(10).locator("td span.amount")).hasText("€200.00");

        amount.getByRole(AriaRole.BUTTON).click();
        assertThat(amount).hasAttribute("aria-sort", "descending");
        assertThat(rows.first().locator("td span.amount")).hasText("€1,050.00");
        assertThat(rows.last().locator("td span.amount")).hasText("€0.50");
        assertThat(rows).hasCount(SALES.length);
    }

    @Test
    void theFilterBoxKeepsThePartnersRowsAndSaysWhenNoneMatches() {
        twelveCommissions("Filtering tables");
        Page page = signedIn(null);
        Locator filter = page.getByLabel("Filter this table");
        Locator shown = page.locator("table.payouts tbody tr:visible");
        assertThat(shown).hasCount(SALES.length);

        filter.fill("bo tables");
        assertThat(shown).hasCount(4);
        for (int i = 0; i < 4; i++) {
            assertThat(shown.nth(i)).containsText("Bo Tables");
        }
        assertThat(page.getByText("No row matches.")).isHidden();

        filter.fill("qqxxzz nobody");
        assertThat(shown).hasCount(0);
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("No row matches.")))
                .isVisible();

        filter.fill("");
        assertThat(shown).hasCount(SALES.length);
        assertThat(page.getByText("No row matches.")).isHidden();
    }

    @Test
    void sortingAndFilteringWorkFromTheKeyboard() {
        twelveCommissions("Keyboard tables");
        Page page = signedIn(null);
        Locator amount = amountHeader(page);
        Locator rows = page.locator("table.payouts tbody tr");

        headerButton(page, "Partner").focus();
        page.keyboard().press("Tab");
        assertThat(amount.getByRole(AriaRole.BUTTON)).isFocused();
        page.keyboard().press("Enter");
        assertThat(amount).hasAttribute("aria-sort", "ascending");
        assertThat(rows.first().locator("td span.amount")).hasText("€0.50");
        page.keyboard().press("Enter");
        assertThat(amount).hasAttribute("aria-sort", "descending");
        assertThat(rows.first().locator("td span.amount")).hasText("€1,050.00");

        page.getByLabel("Filter this table").focus();
        page.keyboard().type("Cy Tab");
        assertThat(page.locator("table.payouts tbody tr:visible")).hasCount(3);
        // sorting keeps the filter: the rows still hidden stay hidden
        amount.getByRole(AriaRole.BUTTON).focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("table.payouts tbody tr:visible")).hasCount(3);
    }

    @Test
    void inSpanishTheFilterAndTheSortHintSpeakSpanish() {
        twelveCommissions("Spanish tables");
        Page page = signedIn(new Browser.NewContextOptions().setLocale("es-ES"));
        assertThat(page.getByLabel("Filtrar esta tabla")).isVisible();
        Locator amount = headerButton(page, "Importe");
        assertThat(amount).hasAttribute("title", "Ordenar por Importe");
        page.getByLabel("Filtrar esta tabla").fill("zzzz");
        assertThat(page.getByText("Ninguna fila coincide.")).isVisible();
    }

    private void twelveCommissions(String name) {
        start(name);
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        // five of Ana's, four of Bo's and three of Cy's partner accounts, one sale each
        String[] who = {"Ana", "Ana", "Ana", "Ana", "Ana", "Bo", "Bo", "Bo", "Bo", "Cy", "Cy", "Cy"};
        for (int i = 0; i < SALES.length; i++) {
            ProgramFixtures.Member partner = programs.approvedPartner(setup, who[i] + " Tables " + (char) ('A' + i));
            payoutMethod(partner, "{\"type\": \"manual\"}");
            sale(partner, "cus_tables_" + i, SALES[i], days(1).plus(Duration.ofMinutes(i)));
        }
        later(Duration.ofDays(16));
        runId = run(setup.program()).get("id").asString();
    }

    private Page signedIn(Browser.NewContextOptions options) {
        Page page = chromium.open("http://localhost:" + port,
                (options == null ? new Browser.NewContextOptions() : options).setViewportSize(1280, 900));
        page.navigate("/login");
        page.locator("#username").fill(setup.tenant().ownerEmail());
        page.locator("#password").fill(Fixtures.PASSWORD);
        page.locator("form button[type=submit]").click();
        page.waitForURL("**/admin");
        page.navigate("/admin/payouts/runs/" + runId);
        return page;
    }

    private static Locator amountHeader(Page page) {
        return page.locator("table.payouts thead th").filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Amount").setExact(true))));
    }

    private static Locator headerButton(Page page, String name) {
        return page.locator("table.payouts thead").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(name).setExact(true));
    }
}
