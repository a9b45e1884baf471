package dev.tandem.commission;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.tandem.testing.Fixtures;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.testing.ListPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.tandem.testing.ListPages.headerOf;
import static dev.tandem.testing.ListPages.link;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff commission list is sorted and paged on the server: 65 commissions make two pages of
 * 50, newest first (by the date of the sale) unless the reader sorts by a header; the order
 * carries across the page boundary, a bad sort falls back to the default, and the partner and
 * status filters and the order survive Previous / Next and a bulk change, refused or done.
 */
class CommissionListSortingTest extends CommissionTestBase {

    private static final int COUNT = 60;
    private static final Pattern ROW_AMOUNT = Pattern.compile(
            "<td class=\"amount[^\"]*\"[^>]*>\\s*<a [^>]*>([^<]+)</a>");

    private ProgramFixtures.Member ana;

    /**
     * Ana's sale k happens k minutes after the first and earns €n with n = 37k mod 60 + 1: amount
     * order is not date order. Bo's five sales of €1,000 (€100 each) come a day later.
     */
    @BeforeEach
    void sixtyFiveCommissions() {
        start("Commission sorting");
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        ana = programs.approvedPartner(setup, "Ana Sorting");
        ProgramFixtures.Member bo = programs.approvedPartner(setup, "Bo Sorting");
        for (int k = 0; k < COUNT; k++) {
            sale(ana, "cus_sort_" + k, euros(k) * 10_00, days(1).plus(Duration.ofMinutes(k)));
        }
        for (int k = 0; k < 5; k++) {
            sale(bo, "cus_sort_bo_" + k, 1_000_00, days(2).plus(Duration.ofMinutes(k)));
        }
    }

    private static long euros(int k) {
        return k * 37L % COUNT + 1;
    }

    private static String amountOf(int k) {
        return "€" + euros(k) + ".00";
    }

    @Test
    void newestComeFirstAndTheSecondPageStartsWithTheFiftyFirst() {
        WebClient staff = staff();

        String one = staff.get("/admin/commissions").body();
        assertThat(amounts(one)).hasSize(50).startsWith("€100.00", "€100.00", "€100.00", "€100.00", "€100.00",
                amountOf(59)).endsWith(amountOf(15));
        assertThat(one).contains("Showing 1–50 of 65", "rel=\"next\"", "data-server-sorted");
        assertThat(headerOf(one, "date")).contains("aria-sort=\"descending\"");
        assertThat(headerOf(one, "amount")).contains("aria-sort=\"none\"", "dir=desc");

        String two = staff.get("/admin/commissions?page=2").body();
        assertThat(amounts(two)).hasSize(15).startsWith(amountOf(14)).endsWith(amountOf(0));
        assertThat(two).contains("Showing 51–65 of 65", "rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void sortingByAmountOrPayableDateCarriesAcrossThePageBoundary() {
        WebClient staff = staff();

        String byAmount = staff.get("/admin/commissions?sort=amount&dir=asc&page=2").body();
        assertThat(amounts(byAmount)).as("€51 to €60, then Bo's five €100").containsExactly("€51.00", "€52.00",
                "€53.00", "€54.00", "€55.00", "€56.00", "€57.00", "€58.00", "€59.00", "€60.00", "€100.00", "€100.00",
                "€100.00", "€100.00", "€100.00");
        assertThat(headerOf(byAmount, "amount")).contains("aria-sort=\"ascending\"", "dir=desc");

        String byPayable = staff.get("/admin/commissions?sort=available&dir=asc&page=2").body();
        assertThat(amounts(byPayable)).as("payable 14 days after each sale: oldest sales first")
                .hasSize(15).startsWith(amountOf(50)).contains(amountOf(59)).endsWith("€100.00");
    }

    @Test
    void aSortKeyOrPageThatIsNotOnTheListFallsBackToTheDefault() {
        WebClient.Page bad = staff().get("/admin/commissions?sort=partner_id%3Bdrop&dir=sideways&page=x");

        assertThat(bad.status()).isEqualTo(200);
        assertThat(amounts(bad.body())).hasSize(50).startsWith("€100.00").endsWith(amountOf(15));
        assertThat(headerOf(bad.body(), "date")).contains("aria-sort=\"descending\"");
    }

    @Test
    void partnerStatusAndOrderSurvivePagingAndABulkChange() {
        WebClient staff = staff();
        String filters = "partner=" + ana.partner().id() + "&status=pending";

        String one = staff.get("/admin/commissions?" + filters + "&sort=amount&dir=desc").body();
        assertThat(one).contains("Showing 1–50 of 60");
        assertThat(amounts(one)).startsWith("€60.00").endsWith("€11.00");
        String next = link(one, "rel=\"next\" href=\"([^\"]+)\"");
        assertThat(next).contains("partner=" + ana.partner().id(), "status=pending", "sort=amount", "dir=desc",
                "page=2");
        String two = staff.get(next).body();
        assertThat(amounts(two)).hasSize(10).startsWith("€10.00").endsWith("€1.00");

        String id = link(two, "data-commission=\"([^\"]+)\"");
        WebClient.Page refused = staff.post("/admin/commissions/bulk", Map.of("ids", id, "action", "hold",
                "reason", " ", "partner", ana.partner().id().toString(), "status", "pending", "sort", "amount",
                "dir", "desc", "page", "2"));
        assertThat(refused.body()).as("shown again by the refused form, still the same page")
                .contains("Reason is required", "Showing 51–60 of 60");
        assertThat(link(refused.body(), "rel=\"prev\" href=\"([^\"]+)\"")).as("links to the list, not the form")
                .startsWith("/admin/commissions?").contains("partner=" + ana.partner().id(), "status=pending",
                        "sort=amount", "dir=desc");
        WebClient.Page held = staff.post("/admin/commissions/bulk", Map.of("ids", id, "action", "hold",
                "reason", "checking the customer", "partner", ana.partner().id().toString(), "status", "pending",
                "sort", "amount", "dir", "desc", "page", "2"));
        assertThat(held.status()).isEqualTo(302);
        assertThat(held.location()).as("back where the manager was").contains("status=pending", "sort=amount",
                "dir=desc", "page=2");
        assertThat(staff.get(held.location()).body()).contains("Showing 51–59 of 59");
    }

    private WebClient staff() {
        WebClient browser = browser();
        browser.login(setup.tenant().ownerEmail(), Fixtures.PASSWORD);
        return browser;
    }

    private static List<String> amounts(String body) {
        return ListPages.rows(body, ROW_AMOUNT);
    }
}
