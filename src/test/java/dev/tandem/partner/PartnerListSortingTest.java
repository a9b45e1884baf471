package dev.tandem.partner;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ListPages;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.tandem.testing.ListPages.headerOf;
import static dev.tandem.testing.ListPages.link;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff partner list is sorted, searched and paged on the server: 60 partners make two pages of
 * 50, newest first unless the reader sorts by a header; the order carries across the page
 * boundary, a bad sort falls back to the default, and program, status, search and order survive
 * Previous / Next.
 */
class PartnerListSortingTest extends IntegrationTest {

    private static final int COUNT = 60;
    private static final Pattern ROW_NAME = Pattern.compile("data-partner=\"[^\"]+\">\\s*<td><a [^>]*>([^<]+)</a>");

    @Autowired
    ProgramFixtures programs;

    private ProgramFixtures.Setup acme;
    private final List<String> created = new ArrayList<>();

    /**
     * Partner k joins k minutes after the first and is named "Socio nn Ltd" with nn = 37k mod 60:
     * name order is not age order (the "Ltd" keeps the fixture's email made of the name valid).
     */
    @BeforeEach
    void sixtyPartners() {
        acme = programs.program("Acme Partner Sorting");
        Instant first = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int k = 0; k < COUNT; k++) {
            String name = "Socio %02d Ltd".formatted(k * 37 % COUNT);
            Partner partner = programs.approvedPartner(acme, name).partner();
            jdbc.sql("update partner set created_at = ? where workspace_id = ? and id = ?")
                    .params(Timestamp.from(first.plus(k, ChronoUnit.MINUTES)), acme.workspace().value(),
                            partner.id().value())
                    .update();
            created.add(name);
        }
    }

    @Test
    void newestComeFirstAndTheSecondPageStartsWithTheFiftyFirst() {
        WebClient staff = staff();

        String one = staff.get("/admin/partners").body();
        assertThat(names(one)).hasSize(50).startsWith(created.get(59)).endsWith(created.get(10));
        assertThat(one).contains("Showing 1–50 of 60", "rel=\"next\"", "data-server-sorted");
        assertThat(headerOf(one, "created")).contains("aria-sort=\"descending\"");

        String two = staff.get("/admin/partners?page=2").body();
        assertThat(names(two)).hasSize(10).startsWith(created.get(9)).endsWith(created.get(0));
        assertThat(two).contains("Showing 51–60 of 60", "rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void sortingByNameOrCompanyCarriesAcrossThePageBoundary() {
        WebClient staff = staff();

        String byName = staff.get("/admin/partners?sort=name&dir=asc&page=2").body();
        assertThat(names(byName)).hasSize(10).startsWith("Socio 50 Ltd").endsWith("Socio 59 Ltd");
        assertThat(headerOf(byName, "name")).contains("aria-sort=\"ascending\"", "dir=desc");

        String byCompany = staff.get("/admin/partners?sort=company&dir=desc").body();
        assertThat(names(byCompany)).as("company is the name + Studio").hasSize(50)
                .startsWith("Socio 59 Ltd").endsWith("Socio 10 Ltd");
        assertThat(headerOf(byCompany, "company")).contains("aria-sort=\"descending\"");
    }

    @Test
    void aSortKeyOrPageThatIsNotOnTheListFallsBackToTheDefault() {
        WebClient.Page bad = staff().get("/admin/partners?sort=password&dir=up&page=-3");

        assertThat(bad.status()).isEqualTo(200);
        assertThat(names(bad.body())).hasSize(50).startsWith(created.get(59));
        assertThat(headerOf(bad.body(), "created")).contains("aria-sort=\"descending\"");
    }

    @Test
    void programStatusSearchAndOrderSurvivePaging() {
        WebClient staff = staff();
        String filters = "program=" + acme.program().id() + "&status=approved&q=socio";

        String one = staff.get("/admin/partners?" + filters + "&sort=name&dir=desc").body();
        assertThat(one).contains("Showing 1–50 of 60");
        String next = link(one, "rel=\"next\" href=\"([^\"]+)\"");
        assertThat(next).contains("program=" + acme.program().id(), "status=approved", "q=socio", "sort=name",
                "dir=desc", "page=2");
        String two = staff.get(next).body();
        assertThat(names(two)).startsWith("Socio 09 Ltd").endsWith("Socio 00 Ltd");

        String searched = staff.get("/admin/partners?q=socio+4&sort=name&dir=asc").body();
        assertThat(names(searched)).as("the search runs on the server, over every page")
                .containsExactly("Socio 40 Ltd", "Socio 41 Ltd", "Socio 42 Ltd", "Socio 43 Ltd", "Socio 44 Ltd",
                        "Socio 45 Ltd", "Socio 46 Ltd", "Socio 47 Ltd", "Socio 48 Ltd", "Socio 49 Ltd");
        assertThat(searched).contains("Showing 1–10 of 10");
    }

    private WebClient staff() {
        WebClient browser = browser();
        browser.login(acme.tenant().ownerEmail(), Fixtures.PASSWORD);
        return browser;
    }

    private static List<String> names(String body) {
        return ListPages.rows(body, ROW_NAME);
    }
}
