package dev.tandem.commission;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.testing.ListPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.tandem.testing.ListPages.headerOf;
import static dev.tandem.testing.ListPages.link;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's commissions on the portal's earnings page are sorted and paged on the server with
 * the staff list's whitelist: 60 of Ana's make two pages of 50, newest first unless she sorts by a
 * header; the order carries across the page boundary, a bad sort falls back to the default, and
 * another partner's commissions never join her pages.
 */
class EarningsListSortingTest extends CommissionTestBase {

    private static final int COUNT = 60;
    private static final Pattern ROW_AMOUNT = Pattern.compile(
            "<tr data-commission=\"[^\"]+\">.*?<td class=\"amount[^\"]*\"[^>]*>([^<]+)</td>", Pattern.DOTALL);

    private ProgramFixtures.Member ana;

    /** As in CommissionListSortingTest: Ana's sale k earns €(37k mod 60 + 1); Bo's five €100 come a day later. */
    @BeforeEach
    void sixtyOfAnasAndFiveOfBos() {
        start("Earnings sorting");
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        ana = programs.approvedPartner(setup, "Ana Earning");
        ProgramFixtures.Member bo = programs.approvedPartner(setup, "Bo Earning");
        for (int k = 0; k < COUNT; k++) {
            sale(ana, "cus_earn_" + k, euros(k) * 10_00, days(1).plus(Duration.ofMinutes(k)));
        }
        for (int k = 0; k < 5; k++) {
            sale(bo, "cus_earn_bo_" + k, 1_000_00, days(2).plus(Duration.ofMinutes(k)));
        }
    }

    private static long euros(int k) {
        return k * 37L % COUNT + 1;
    }

    private static String amountOf(int k) {
        return "€" + euros(k) + ".00";
    }

    @Test
    void herNewestComeFirstAndTheSecondPageStartsWithTheFiftyFirst() {
        WebClient portal = portal();

        String one = portal.get("/portal/earnings").body();
        assertThat(amounts(one)).hasSize(50).startsWith(amountOf(59)).endsWith(amountOf(10))
                .doesNotContain("€100.00");
        assertThat(one).contains("Showing 1–50 of 60", "rel=\"next\"", "data-server-sorted");
        assertThat(headerOf(one, "date")).contains("aria-sort=\"descending\"");

        String two = portal.get(link(one, "rel=\"next\" href=\"([^\"]+)\"")).body();
        assertThat(amounts(two)).hasSize(10).startsWith(amountOf(9)).endsWith(amountOf(0));
        assertThat(two).contains("Showing 51–60 of 60", "rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void sortingByAmountCarriesAcrossThePageBoundaryAndNeverReachesAnotherPartner() {
        WebClient portal = portal();

        String one = portal.get("/portal/earnings?sort=amount&dir=desc").body();
        assertThat(amounts(one)).as("Bo's €100 are not hers").hasSize(50).startsWith("€60.00", "€59.00")
                .endsWith("€11.00");
        assertThat(headerOf(one, "amount")).contains("aria-sort=\"descending\"", "dir=asc");
        String next = link(one, "rel=\"next\" href=\"([^\"]+)\"");
        assertThat(next).contains("sort=amount", "dir=desc", "page=2");
        assertThat(amounts(portal.get(next).body())).containsExactly("€10.00", "€9.00", "€8.00", "€7.00", "€6.00",
                "€5.00", "€4.00", "€3.00", "€2.00", "€1.00");
    }

    @Test
    void aSortKeyOrPageThatIsNotOnTheListFallsBackToTheDefault() {
        WebClient.Page bad = portal().get("/portal/earnings?sort=partner_id&dir=up&page=0");

        assertThat(bad.status()).isEqualTo(200);
        assertThat(amounts(bad.body())).hasSize(50).startsWith(amountOf(59));
        assertThat(headerOf(bad.body(), "date")).contains("aria-sort=\"descending\"");
    }

    private WebClient portal() {
        return programs.portal(browser(), setup.workspace(), ana.partner());
    }

    private static List<String> amounts(String body) {
        return ListPages.rows(body, ROW_AMOUNT);
    }
}
