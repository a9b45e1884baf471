package dev.tandem.workspace;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.tandem.core.Ids;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ListPages;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.tandem.testing.ListPages.link;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log is sorted and paged on the server: 60 entries make two pages of 50, newest first
 * unless the reader sorts by who or what; the order carries across the page boundary and a bad
 * sort falls back to the default.
 */
class AuditListSortingTest extends IntegrationTest {

    private static final int COUNT = 60;
    private static final Pattern ACTION = Pattern.compile("<td><code>(test\\.[a-z0-9.]+)</code></td>");

    @Autowired
    Fixtures fixtures;

    private Fixtures.Tenant tenant;
    private WebClient signedIn;

    /** Entry k happened k minutes after the first, was done by "Staff nn" with nn = 37k mod 60, and is "test.e{59-k}". */
    @BeforeEach
    void sixtyEntries() {
        tenant = fixtures.tenant("Audit Sorting");
        WorkspaceId workspace = tenant.ids().workspaceId();
        // signing in is audited too: done first, so the log holds exactly the 60 entries below
        signedIn = browser();
        signedIn.login(tenant.ownerEmail(), Fixtures.PASSWORD);
        jdbc.sql("delete from audit_event where workspace_id = ?").param(workspace.value()).update();
        Instant first = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int k = 0; k < COUNT; k++) {
            jdbc.sql("insert into audit_event (workspace_id, id, occurred_at, actor_kind, actor_name, action, subject)"
                            + " values (?, ?, ?, 'system', ?, ?, ?)")
                    .params(workspace.value(), Ids.newId(), Timestamp.from(first.plus(k, ChronoUnit.MINUTES)),
                            "Staff %02d".formatted(k * 37 % COUNT), "test.e%02d".formatted(COUNT - 1 - k), "k" + k)
                    .update();
        }
    }

    @Test
    void newestComeFirstAndTheSecondPageStartsWithTheFiftyFirst() {
        WebClient staff = staff();

        String one = staff.get("/admin/audit").body();
        assertThat(actions(one)).hasSize(50).startsWith("test.e00").endsWith("test.e49");
        assertThat(one).contains("Showing 1–50 of 60", "rel=\"next\"", "aria-sort=\"descending\"");

        String two = staff.get("/admin/audit?page=2").body();
        assertThat(actions(two)).hasSize(10).startsWith("test.e50").endsWith("test.e59");
        assertThat(two).contains("Showing 51–60 of 60", "rel=\"prev\"");
    }

    @Test
    void sortingByWhatOrWhoCarriesAcrossThePageBoundary() {
        WebClient staff = staff();

        String byWhatDescending = staff.get("/admin/audit?sort=what&dir=desc&page=2").body();
        assertThat(actions(byWhatDescending)).hasSize(10).startsWith("test.e09").endsWith("test.e00");

        // Staff nn did entry k with 37k = nn (mod 60), so k = 13nn mod 60 (37 * 13 = 481 = 1 mod 60)
        String byWho = staff.get("/admin/audit?sort=who&dir=asc&page=2").body();
        List<String> expected = new ArrayList<>();
        for (int nn = 50; nn < COUNT; nn++) {
            expected.add("test.e%02d".formatted(COUNT - 1 - (13 * nn % COUNT)));
        }
        assertThat(actions(byWho)).containsExactlyElementsOf(expected);
        assertThat(byWho).contains("data-sort-key=\"who\"", "aria-sort=\"ascending\"");
        String next = link(byWho, "rel=\"prev\" href=\"([^\"]+)\"");
        assertThat(next).contains("sort=who", "dir=asc").doesNotContain("page=");
    }

    @Test
    void aSortKeyThatIsNotOnTheListFallsBackToTheDefault() {
        WebClient.Page bad = staff().get("/admin/audit?sort=details&dir=desc%27&page=1e9");

        assertThat(bad.status()).isEqualTo(200);
        assertThat(actions(bad.body())).hasSize(50).startsWith("test.e00");
    }

    private WebClient staff() {
        return signedIn;
    }

    private static List<String> actions(String body) {
        return ListPages.rows(body, ACTION);
    }
}
