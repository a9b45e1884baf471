package dev.tandem.notification;

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
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox is sorted and paged on the server: 60 emails make two pages of 50, newest first unless
 * the reader sorts by recipient, subject or status; the order carries across the page boundary
 * and a bad sort falls back to the default.
 */
class OutboxListSortingTest extends IntegrationTest {

    private static final int COUNT = 60;
    private static final Pattern TO = Pattern.compile("<td>(r\\d\\d@sorting\\.test)</td>");

    @Autowired
    Fixtures fixtures;

    private WebClient staff;

    /** Email k was written k minutes after the first, to "rNN@sorting.test" with NN = 37k mod 60. */
    @BeforeEach
    void sixtyEmails() {
        Fixtures.Tenant tenant = fixtures.tenant("Outbox Sorting");
        WorkspaceId workspace = tenant.ids().workspaceId();
        staff = browser();
        staff.login(tenant.ownerEmail(), Fixtures.PASSWORD);
        jdbc.sql("delete from email_outbox where workspace_id = ?").param(workspace.value()).update();
        Instant first = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int k = 0; k < COUNT; k++) {
            jdbc.sql("insert into email_outbox (workspace_id, id, to_address, language, template, subject, body_html,"
                            + " body_text, created_at, status) values (?, ?, ?, 'en', 'test', ?, '<p>x</p>', 'x', ?, ?)")
                    .params(workspace.value(), Ids.newId(), "r%02d@sorting.test".formatted(k * 37 % COUNT),
                            "Subject " + k, Timestamp.from(first.plus(k, ChronoUnit.MINUTES)),
                            k < 20 ? "failed" : "held")
                    .update();
        }
    }

    @Test
    void newestComeFirstAndTheSecondPageStartsWithTheFiftyFirst() {
        String one = staff.get("/admin/outbox").body();
        assertThat(recipients(one)).hasSize(50).startsWith(to(59)).endsWith(to(10));
        assertThat(one).contains("Showing 1–50 of 60", "rel=\"next\"", "data-server-sorted");

        String two = staff.get("/admin/outbox?page=2").body();
        assertThat(recipients(two)).hasSize(10).startsWith(to(9)).endsWith(to(0));
    }

    @Test
    void sortingByRecipientOrStatusCarriesAcrossThePageBoundary() {
        String byTo = staff.get("/admin/outbox?sort=to&dir=asc&page=2").body();
        assertThat(recipients(byTo)).containsExactly("r50@sorting.test", "r51@sorting.test", "r52@sorting.test",
                "r53@sorting.test", "r54@sorting.test", "r55@sorting.test", "r56@sorting.test", "r57@sorting.test",
                "r58@sorting.test", "r59@sorting.test");
        assertThat(byTo).contains("aria-sort=\"ascending\"");

        // 20 failed (k 0-19) before 40 held (k 20-59); within a status the id decides, so the pages
        // neither overlap nor skip an email
        List<String> statusOne = recipients(staff.get("/admin/outbox?sort=status&dir=asc").body());
        List<String> statusTwo = recipients(staff.get("/admin/outbox?sort=status&dir=asc&page=2").body());
        List<String> failed = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            failed.add(to(k));
        }
        assertThat(statusOne.subList(0, 20)).containsExactlyInAnyOrderElementsOf(failed);
        assertThat(statusTwo).hasSize(10).doesNotContainAnyElementsOf(failed).doesNotContainAnyElementsOf(statusOne);
    }

    @Test
    void aSortKeyThatIsNotOnTheListFallsBackToTheDefault() {
        WebClient.Page bad = staff.get("/admin/outbox?sort=body_html&dir=&page=0");

        assertThat(bad.status()).isEqualTo(200);
        assertThat(recipients(bad.body())).hasSize(50).startsWith(to(59));
    }

    private static String to(int k) {
        return "r%02d@sorting.test".formatted(k * 37 % COUNT);
    }

    private static List<String> recipients(String body) {
        return ListPages.rows(body, TO);
    }
}
