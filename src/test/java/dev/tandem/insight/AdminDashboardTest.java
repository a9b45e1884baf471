package dev.tandem.insight;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import dev.tandem.commission.CommissionTestBase;
import dev.tandem.core.Language;
import dev.tandem.core.Money;
import dev.tandem.core.ReaderFormat;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partner;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.tracking.Link;
import dev.tandem.tracking.Links;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin dashboard of a program over a period: clicks followed through /r/{slug}, a lead, sales
 * and a refund sent through the API, commissions pending, approved and paid, the partners ranked
 * by what they brought, applications waiting; nothing of another workspace; Spanish for a Spanish reader.
 */
class AdminDashboardTest extends CommissionTestBase {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @Autowired
    Links links;

    @Autowired
    Partners partners;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theDashboardOfAProgramCountsItsFunnelRevenueNetOfRefundsCommissionsAndRanksItsPartners() {
        // another workspace, busier than ours: none of it may show
        start("Elsewhere Inc");
        ProgramFixtures.Member zed = programs.approvedPartner(setup, "Zed Elsewhere");
        click(setup.workspace(), setup.program(), zed, 3);
        sale(zed, "cus_zed", 999_900, days(1));

        start("Dashboard Co");
        Program program = setup.program();
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Dashboard");
        ProgramFixtures.Member bo = programs.approvedPartner(setup, "Bo Dashboard");
        Program other = programIn("EUR", "Other program");
        ProgramFixtures.Member cy = programs.approvedPartner(setup.workspace(), other, "Cy Otherprogram");
        waitingPartner(setup.workspace(), program, "Dee Applicant");
        plan(program, """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        payoutMethod(ana, "{\"type\": \"manual\"}");

        click(setup.workspace(), program, ana, 3);
        click(setup.workspace(), program, bo, 2);
        click(setup.workspace(), other, cy, 4);
        event("lead", ana, "cus_lead", null, null, days(1));
        sale(ana, "cus_a", 100_000, days(1));
        JsonNode refunded = sale(ana, "cus_b", 50_000, days(2));
        sale(bo, "cus_c", 30_000, days(2));
        refund(ana, refunded, 50_000, days(3));
        sale(cy, "cus_other", 7_000, days(3));
        sale(bo, "cus_d", 20_000, days(16));
        later(Duration.ofDays(1)); // day 17: the first three sales' commissions are approved, the last one pending
        payOut(ana); // ana's 100.00 EUR paid

        WebClient staff = staff();
        String page = staff.get("/admin?program=" + program.id() + "&days=30").body();
        assertThat(figure(page, "clicks")).isEqualTo("5");
        assertThat(figure(page, "leads")).as("every referral made in the period").isEqualTo("5");
        assertThat(figure(page, "qualified")).isEqualTo("4");
        assertThat(figure(page, "customers")).as("first sales in the period").isEqualTo("4");
        assertThat(figure(page, "conversion")).as("4 customers of 5 clicks").isEqualTo(percent(0.8, Locale.ENGLISH));
        String revenue = section(page, "revenue");
        assertThat(revenue).as("2,000 of sales minus the 500 refunded").contains(eur(150_000, Locale.ENGLISH));
        String commissionSums = section(page, "commissions");
        assertThat(commissionSums).contains("data-currency=\"EUR\"")
                .contains("class=\"amount pending\">" + eur(2_000, Locale.ENGLISH))
                .contains("class=\"amount approved\">" + eur(3_000, Locale.ENGLISH))
                .contains("class=\"amount paid\">" + eur(10_000, Locale.ENGLISH));
        String top = section(page, "top");
        assertThat(top.indexOf("Ana Dashboard")).as("ana brought 1,000.00, bo 500.00").isGreaterThan(0)
                .isLessThan(top.indexOf("Bo Dashboard"));
        assertThat(top).contains(eur(100_000, Locale.ENGLISH)).contains(eur(50_000, Locale.ENGLISH))
                .doesNotContain("Cy Otherprogram");
        assertThat(section(page, "review")).contains("/admin/programs/" + program.id() + "/applications")
                .contains("Dashboard Co: 1 to review");
        assertThat(page).as("the chart's table: day 0 had the 5 clicks, day 1 the first customer")
                .containsPattern(">Jan 5, 2026</td>\\s*<td class=\"number\">5</td><td class=\"number\">0</td>")
                .containsPattern(">Jan 6, 2026</td>\\s*<td class=\"number\">0</td><td class=\"number\">1</td>");
        assertThat(page).contains("data-chart=").contains("chart.umd.js").contains("/js/dashboard.js")
                .contains("Team members").contains("Active API keys");
        assertThat(page).doesNotContain("Zed Elsewhere").doesNotContain(eur(999_900, Locale.ENGLISH));

        String all = staff.get("/admin").body();
        assertThat(figure(all, "clicks")).as("all programs, 30 days by default").isEqualTo("9");
        assertThat(section(all, "revenue")).contains(eur(157_000, Locale.ENGLISH));
        assertThat(all).doesNotContain("Zed Elsewhere");

        String week = staff.get("/admin?program=" + program.id() + "&days=7").body();
        assertThat(figure(week, "clicks")).as("the clicks were on day 0, the week starts on day 11").isEqualTo("0");
        assertThat(week).contains("No clicks yet: share a partner");
        assertThat(figure(week, "customers")).isEqualTo("1");
        assertThat(section(week, "revenue")).contains(eur(20_000, Locale.ENGLISH));
        assertThat(figure(staff.get("/admin?program=" + program.id() + "&days=5000").body(), "clicks"))
                .as("an unknown period is the default one").isEqualTo("5");

        String spanish = staff.acceptLanguage("es").get("/admin?program=" + program.id()).body();
        assertThat(spanish).contains("Ingresos referidos").contains("Mejores socios").contains("Comisiones")
                .contains("Últimos 30 días").contains("Socios pendientes de revisión");
        assertThat(section(spanish, "revenue")).contains(eur(150_000, Locale.forLanguageTag("es")));
        assertThat(figure(spanish, "conversion")).isEqualTo(percent(0.8, Locale.forLanguageTag("es")));
        assertBooksBalance();
    }

    @Test
    void aNewWorkspaceIsToldWhatToDoNext() {
        start("Empty dashboard");
        String page = staff().get("/admin").body();
        assertThat(page).contains("No clicks yet: share a partner")
                .contains("No referred sales in this period")
                .contains("No application waits for review")
                .contains("Next steps");
        assertThat(figure(page, "conversion")).isEqualTo("—");
    }

    private static String percent(double share, Locale locale) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }

    private static String eur(long minor, Locale locale) {
        return ReaderFormat.money(Money.of(minor, "EUR"), locale);
    }

    /** The big number of a stat on the page. */
    private static String figure(String page, String name) {
        int at = page.indexOf("data-figure=\"" + name + "\"");
        assertThat(at).as("stat %s on the page", name).isPositive();
        int start = page.indexOf("class=\"figure\">", at) + "class=\"figure\">".length();
        return page.substring(start, page.indexOf('<', start));
    }

    /** One panel of the page, up to the next panel. */
    private static String section(String page, String name) {
        int at = page.indexOf("data-panel=\"" + name + "\"");
        assertThat(at).as("panel %s on the page", name).isPositive();
        int end = page.indexOf("data-panel=", at + 12);
        return page.substring(at, end < 0 ? page.length() : end);
    }

    private WebClient staff() {
        WebClient staff = browser();
        assertThat(staff.login(setup.tenant().ownerEmail(), Fixtures.PASSWORD).location()).isEqualTo("/admin");
        return staff;
    }

    private void waitingPartner(WorkspaceId workspace, Program program, String name) {
        Partner partner = partners.findOrCreate(workspace, new Partners.NewPartner(
                "dee." + UUID.randomUUID().toString().substring(0, 6) + "@partners.test", name, "", "", "",
                Partner.Profile.empty(), Language.EN, null));
        partners.enroll(workspace, ProgramFixtures.MANAGER, program.id(), partner.id(), null, EnrollmentStatus.PENDING, "");
    }

    /** Follows the partner's link {@code times} times as a visitor's browser does, and waits until the clicks are stored. */
    private void click(WorkspaceId workspace, Program program, ProgramFixtures.Member partner, int times) {
        Link link = links.defaultLink(workspace, program.id(), partner.partner().id());
        long before = clicksOf(workspace);
        for (int i = 0; i < times; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/r/" + link.slug()))
                    .header("User-Agent", FIREFOX.replace("128.0", "128." + i)).GET().build();
            try {
                assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(302);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> clicksOf(workspace) >= before + times);
    }

    private long clicksOf(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from click where workspace_id = ?").param(workspace.value()).query(Long.class)
                .single();
    }
}
