package dev.tandem.payout;

import java.time.Duration;
import java.util.List;
import java.util.ArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import dev.tandem.commission.CommissionTestBase;
import dev.tandem.testing.Chromium;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long operations show progress (busy.js, opt-in by data-busy): while the server works on a new
 * payout run (held back here by the browser's request interception) the button is disabled,
 * busy and says so with a spinner, a second click while it works sends no second request and makes one run, and the run's
 * page follows; a download link says it is preparing the file and comes back a few seconds later.
 * No console errors.
 */
class PayoutBusyBrowserTest extends CommissionTestBase {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Test
    void startingAPayoutRunShowsProgressAndADoubleClickStartsOneRun() {
        start("Busy payout");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Busy");
        payoutMethod(ana, "{\"type\": \"sepa\", \"holderName\": \"Ana Busy\", \"iban\": \"ES9121000418450200051332\"}");
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        sale(ana, "cus_busy", 50_000, days(1));
        later(Duration.ofDays(16));

        Page manager = chromium.open("http://localhost:" + port, new Browser.NewContextOptions().setViewportSize(1280, 900));
        manager.navigate("/login");
        manager.locator("#username").fill(setup.tenant().ownerEmail());
        manager.locator("#password").fill(Fixtures.PASSWORD);
        manager.locator("form button[type=submit]").click();
        manager.waitForURL("**/admin");
        // the page notes every state a busy element passes through (sessionStorage outlives the navigation)
        manager.addInitScript(SEEN);
        manager.navigate("/admin/payouts");
        // a slow server: the answer to starting a run waits until the test lets it go
        List<Route> held = new ArrayList<>();
        manager.route("**/admin/payouts/runs", route -> {
            if ("POST".equals(route.request().method())) {
                held.add(route);
            } else {
                route.resume();
            }
        });

        manager.locator("#programId").selectOption(setup.program().id().toString());
        Locator startRun = manager.locator("form.start-run button[type=submit]");
        assertThat(startRun).hasText("Start a payout run");
        BoundingBox box = startRun.boundingBox();
        double x = box.x + box.width / 2;
        double y = box.y + box.height / 2;
        // the mouse, not the locator: locators wait for the pending navigation to finish
        manager.mouse().click(x, y);
        manager.waitForCondition(() -> !held.isEmpty());
        manager.waitForTimeout(300);
        manager.mouse().click(x, y); // the impatient second click, while the first still works
        manager.waitForTimeout(700);
        assertThat(held).as("requests to start a run").hasSize(1);
        held.get(0).resume();

        manager.waitForURL("**/admin/payouts/runs/run_*");
        assertThat(manager.locator("tr[data-payout]").filter(new Locator.FilterOptions().setHasText("Ana Busy")))
                .containsText("€50.00");
        assertThat(jdbc.sql("select count(*) from payout_run where workspace_id = ?").param(setup.workspace().value())
                .query(Long.class).single()).as("payout runs made").isEqualTo(1);
        assertThat(seen(manager)).as("the start button while the run was made")
                .contains("BUTTON|disabled|busy|Working…|spinner");

        Locator zip = manager.locator("a[href$='/statements.zip']");
        assertThat(zip).hasText("Every statement and invoice of the run (ZIP)");
        Download download = manager.waitForDownload(zip::click);
        assertThat(download.suggestedFilename()).endsWith(".zip");
        assertThat(seen(manager)).as("the download link after a click")
                .contains("A|enabled|busy|Preparing the download…|spinner");
        assertThat(zip).hasText("Every statement and invoice of the run (ZIP)",
                new LocatorAssertions.HasTextOptions().setTimeout(10_000));
        assertThat(zip).not().hasAttribute("aria-busy", "true");
    }

    private static final String SEEN = """
            document.addEventListener('DOMContentLoaded', () => {
              new MutationObserver(changes => {
                const seen = JSON.parse(sessionStorage.getItem('busy-seen') || '[]');
                for (const change of changes) {
                  const e = change.target;
                  if (e.nodeType === 1 && e.getAttribute('aria-busy') === 'true' && e.tagName !== 'FORM') {
                    seen.push([e.tagName, e.disabled ? 'disabled' : 'enabled', 'busy', e.textContent,
                        e.querySelector('.busy-spinner[aria-hidden=true]') ? 'spinner' : 'none'].join('|'));
                  }
                }
                sessionStorage.setItem('busy-seen', JSON.stringify(seen));
              }).observe(document.body, {subtree: true, attributes: true, attributeFilter: ['aria-busy', 'disabled']});
            });
            """;

    @SuppressWarnings("unchecked")
    private static List<String> seen(Page page) {
        return (List<String>) page.evaluate("() => JSON.parse(sessionStorage.getItem('busy-seen') || '[]')");
    }

}
