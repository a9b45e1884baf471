package dev.tandem.payout;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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
 * The list of payout runs is sorted and paged on the server: 60 runs make two pages of 50, newest
 * first unless the reader sorts by a header; the order carries across the page boundary and into
 * Previous / Next, and a bad sort falls back to the default.
 */
class PayoutRunListSortingTest extends IntegrationTest {

    private static final int COUNT = 60;
    private static final Pattern ROW = Pattern.compile("<tr data-run=\"([^\"]+)\"");

    @Autowired
    ProgramFixtures programs;

    private ProgramFixtures.Setup acme;
    private final List<String> started = new ArrayList<>();

    /**
     * Run k starts k minutes after the first and takes commissions approved up to (37k mod 60)
     * hours before it all: cut-off order is not start order. Stored as a run would be, without
     * payouts: the list only reads the runs.
     */
    @BeforeEach
    void sixtyRuns() {
        acme = programs.program("Acme Run Sorting");
        Instant first = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int k = 0; k < COUNT; k++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("insert into payout_run (workspace_id, id, program_id, currency, cutoff, scheduled, started_by,"
                            + " created_at) values (?, ?, ?, null, ?, false, ?, ?)")
                    .params(acme.workspace().value(), id, acme.program().id().value(),
                            Timestamp.from(first.minus(100, ChronoUnit.HOURS).plus(cutoffHours(k), ChronoUnit.HOURS)),
                            "Manager " + k, Timestamp.from(first.plus(k, ChronoUnit.MINUTES)))
                    .update();
            started.add(new PayoutRunId(id).toString());
        }
    }

    private static long cutoffHours(int k) {
        return k * 37L % COUNT;
    }

    /** The runs in cut-off order, earliest first. */
    private List<String> byCutoff() {
        return IntStream.range(0, COUNT).boxed().sorted(Comparator.comparingLong(PayoutRunListSortingTest::cutoffHours))
                .map(started::get).toList();
    }

    @Test
    void newestComeFirstAndTheSecondPageStartsWithTheFiftyFirst() {
        WebClient staff = staff();

        String one = staff.get("/admin/payouts").body();
        assertThat(runs(one)).hasSize(50).startsWith(started.get(59)).endsWith(started.get(10));
        assertThat(one).contains("Showing 1–50 of 60", "rel=\"next\"", "data-server-sorted");
        assertThat(headerOf(one, "started")).contains("aria-sort=\"descending\"");

        String two = staff.get("/admin/payouts?page=2").body();
        assertThat(runs(two)).hasSize(10).startsWith(started.get(9)).endsWith(started.get(0));
        assertThat(two).contains("Showing 51–60 of 60", "rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void sortingByCutoffCarriesAcrossThePageBoundaryAndIntoTheLinks() {
        WebClient staff = staff();

        String one = staff.get("/admin/payouts?sort=cutoff&dir=asc").body();
        assertThat(runs(one)).containsExactlyElementsOf(byCutoff().subList(0, 50));
        assertThat(headerOf(one, "cutoff")).contains("aria-sort=\"ascending\"", "dir=desc");
        String next = link(one, "rel=\"next\" href=\"([^\"]+)\"");
        assertThat(next).contains("sort=cutoff", "dir=asc", "page=2");
        assertThat(runs(staff.get(next).body())).containsExactlyElementsOf(byCutoff().subList(50, 60));

        String byWho = staff.get("/admin/payouts?sort=by&dir=desc").body();
        assertThat(runs(byWho)).as("Manager 9 before Manager 59 before Manager 10, as text").startsWith(
                started.get(9), started.get(8), started.get(7), started.get(6), started.get(59));
    }

    @Test
    void aSortKeyOrPageThatIsNotOnTheListFallsBackToTheDefault() {
        WebClient.Page bad = staff().get("/admin/payouts?sort=program_id&dir=&page=99999999999");

        assertThat(bad.status()).isEqualTo(200);
        assertThat(runs(bad.body())).hasSize(50).startsWith(started.get(59));
        assertThat(headerOf(bad.body(), "started")).contains("aria-sort=\"descending\"");
    }

    private WebClient staff() {
        WebClient browser = browser();
        browser.login(acme.tenant().ownerEmail(), Fixtures.PASSWORD);
        return browser;
    }

    private static List<String> runs(String body) {
        return ListPages.rows(body, ROW);
    }
}
