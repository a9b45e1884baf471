package dev.tandem.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.testing.ListPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.tandem.testing.ListPages.headerOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff referral list is sorted and paged on the server: 60 referrals make two pages of 50,
 * newest first unless the reader sorts by a header; the order carries across the page boundary, a
 * bad sort falls back to the default, and filters, search and order survive Previous / Next.
 */
class ReferralListSortingTest extends ReferralPagesBaseTest {

    private static final int COUNT = 60;
    private static final Pattern ROW_NAME = Pattern.compile("data-referral=\"[^\"]+\">\\s*<td>\\s*<a [^>]*>([^<]+)</a>");

    private ProgramFixtures.Setup acme;
    private ProgramFixtures.Member ana;
    private final List<String> created = new ArrayList<>();

    /** Referral k is created k minutes after the first and named "Kunde nn" with nn = 37k mod 60: name order is not age order. */
    @BeforeEach
    void sixtyReferrals() {
        acme = programs.program("Acme Sorting");
        ana = programs.approvedPartner(acme, "Ana Sorting");
        Instant first = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int k = 0; k < COUNT; k++) {
            String name = "Kunde %02d".formatted(k * 37 % COUNT);
            Referral referral = lead(acme.workspace(), "kunde" + k + "@example.com", name, null,
                    ana.partner().id().toString()).referral();
            jdbc.sql("update referral set created_at = ?, updated_at = ? where workspace_id = ? and id = ?")
                    .params(Timestamp.from(first.plus(k, ChronoUnit.MINUTES)),
                            Timestamp.from(first.plus(COUNT - k, ChronoUnit.HOURS)),
                            acme.workspace().value(), referral.id().value())
                    .update();
            created.add(name);
        }
    }

    @Test
    void newestComeFirstAndTheSecondPageStartsWithTheFiftyFirst() {
        WebClient staff = staff(acme);

        String one = staff.get("/admin/referrals").body();
        assertThat(names(one)).hasSize(50).startsWith(created.get(59), created.get(58)).endsWith(created.get(10));
        assertThat(one).contains("Showing 1–50 of 60", "rel=\"next\"").doesNotContain("rel=\"prev\"");
        assertThat(headerOf(one, "created")).contains("aria-sort=\"descending\"");

        String two = staff.get("/admin/referrals?page=2").body();
        assertThat(names(two)).hasSize(10).startsWith(created.get(9)).endsWith(created.get(0));
        assertThat(two).contains("Showing 51–60 of 60", "rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void sortingByCustomerCarriesAcrossThePageBoundaryBothWays() {
        WebClient staff = staff(acme);

        String ascending = staff.get("/admin/referrals?sort=customer&dir=asc&page=2").body();
        assertThat(names(ascending)).containsExactly("Kunde 50", "Kunde 51", "Kunde 52", "Kunde 53", "Kunde 54",
                "Kunde 55", "Kunde 56", "Kunde 57", "Kunde 58", "Kunde 59");
        assertThat(headerOf(ascending, "customer")).contains("aria-sort=\"ascending\"", "dir=desc");
        assertThat(headerOf(ascending, "created")).contains("aria-sort=\"none\"");

        String descending = staff.get("/admin/referrals?sort=customer&dir=desc").body();
        assertThat(names(descending)).hasSize(50).startsWith("Kunde 59").endsWith("Kunde 10");

        String byUpdate = staff.get("/admin/referrals?sort=updated&dir=asc&page=2").body();
        assertThat(names(byUpdate)).as("last changed longest ago is the newest here")
                .startsWith(created.get(9)).endsWith(created.get(0));
    }

    @Test
    void aSortKeyOrPageThatIsNotOnTheListFallsBackToTheDefault() {
        WebClient staff = staff(acme);

        WebClient.Page bad = staff.get("/admin/referrals?sort=r.id%3B+drop+table+referral&dir=sideways&page=x");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(names(bad.body())).startsWith(created.get(59));
        assertThat(headerOf(bad.body(), "created")).contains("aria-sort=\"descending\"");

        String far = staff.get("/admin/referrals?page=999").body();
        assertThat(far).as("past the end shows the last page").contains("Showing 51–60 of 60");
    }

    @Test
    void filtersSearchAndOrderSurvivePagingAndAHeaderLinkKeepsTheFilters() {
        WebClient staff = staff(acme);

        String one = staff.get("/admin/referrals?q=kunde&status=lead&sort=customer&dir=desc").body();
        assertThat(one).contains("Showing 1–50 of 60");
        String next = ListPages.link(one, "rel=\"next\" href=\"([^\"]+)\"");
        assertThat(next).contains("q=kunde", "status=lead", "sort=customer", "dir=desc", "page=2");

        String two = staff.get(next).body();
        assertThat(names(two)).startsWith("Kunde 09").endsWith("Kunde 00");
        assertThat(headerOf(two, "customer")).contains("aria-sort=\"descending\"");
        String created = ListPages.link(headerOf(two, "created"), "href=\"([^\"]+)\"");
        assertThat(created).contains("q=kunde", "status=lead", "sort=created", "dir=desc").doesNotContain("page=");

        String narrowed = staff.get("/admin/referrals?q=kunde5%40&sort=customer&dir=asc").body();
        assertThat(narrowed).as("the search runs on the server, over every page")
                .contains("Showing 1–1 of 1").doesNotContain("rel=\"next\"");
    }

    @Test
    void theCountsFollowTheReadersLanguage() {
        String body = staff(acme).acceptLanguage("es").get("/admin/referrals?page=2").body();

        assertThat(body).contains("Mostrando 51–60 de 60", ">Anterior<");
    }

    @Test
    void thePartnerPortalListSortsAndPagesTheSameWay() {
        WebClient portal = programs.portal(browser(), acme.workspace(), ana.partner());

        String one = portal.get("/portal/referrals").body();
        assertThat(one).contains("Showing 1–50 of 60", "data-server-sorted");
        assertThat(headerOf(one, "created")).contains("aria-sort=\"descending\"");

        String two = portal.get("/portal/referrals?status=lead&sort=customer&dir=asc&page=2").body();
        assertThat(two).contains("Showing 51–60 of 60");
        assertThat(headerOf(two, "customer")).contains("aria-sort=\"ascending\"", "status=lead");
        assertThat(ListPages.link(two, "rel=\"prev\" href=\"([^\"]+)\"")).contains("status=lead", "sort=customer", "dir=asc");

        assertThat(portal.get("/portal/referrals?sort=partner_id&page=2").status()).isEqualTo(200);
    }

    private static List<String> names(String body) {
        return ListPages.rows(body, ROW_NAME);
    }
}
