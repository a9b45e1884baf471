package dev.tandem.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.testing.ListPages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.tandem.testing.ListPages.rows;
import static dev.tandem.testing.ListPages.headerOf;
import static dev.tandem.testing.ListPages.link;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decided deal registrations and the decided claims are sorted and paged on the server: 60 of
 * each make two pages of 50, the latest decision first unless the manager sorts by a header; the
 * order carries across the page boundary and into Previous / Next, a bad sort falls back to the
 * default, and the ones still waiting stay out of the decided list.
 */
class DecidedListSortingTest extends IntegrationTest {

    private static final int COUNT = 60;
    private static final Pattern DEAL_ROW = Pattern.compile("<tr data-deal=\"([^\"]+)\"");
    private static final Pattern CLAIM_ROW = Pattern.compile("<tr data-claim=\"([^\"]+)\"");

    @Autowired
    ProgramFixtures programs;

    private ProgramFixtures.Setup acme;
    private final List<String> deals = new ArrayList<>();
    private final List<String> claims = new ArrayList<>();

    /**
     * Registration and claim k were decided k minutes after the first decision; the company and the
     * customer are numbered nn = 37k mod 60, so name order is not decision order. Three of each
     * still wait. Stored as the decisions leave them: the lists only read them.
     */
    @BeforeEach
    void sixtyDecidedOfEach() {
        acme = programs.program("Acme Decided Sorting");
        ProgramFixtures.Member ana = programs.approvedPartner(acme, "Ana Decided");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant first = now.minus(2, ChronoUnit.DAYS);
        for (int k = 0; k < COUNT + 3; k++) {
            boolean decided = k < COUNT;
            Instant at = first.plus(k, ChronoUnit.MINUTES);
            UUID deal = UUID.randomUUID();
            jdbc.sql("insert into deal_registration (workspace_id, id, program_id, partner_id, company, email,"
                            + " expected_amount, expected_currency, status, decided_by, decided_at, created_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?)")
                    .params(acme.workspace().value(), deal, acme.program().id().value(), ana.partner().id().value(),
                            "Company %02d".formatted(number(k)), "buyer" + k + "@company.test", 1_000_00L + k,
                            decided ? (k % 2 == 0 ? "accepted" : "rejected") : "submitted",
                            decided ? "Owner" : null, decided ? Timestamp.from(at) : null,
                            Timestamp.from(decided ? at.minus(1, ChronoUnit.HOURS) : now))
                    .update();
            UUID claim = UUID.randomUUID();
            jdbc.sql("insert into referral_claim (workspace_id, id, program_id, partner_id, customer_email, evidence,"
                            + " status, decided_by, decided_at, created_at) values (?, ?, ?, ?, ?, 'the invoice', ?, ?, ?, ?)")
                    .params(acme.workspace().value(), claim, acme.program().id().value(), ana.partner().id().value(),
                            "customer%02d@example.test".formatted(number(k)),
                            decided ? (k % 2 == 0 ? "accepted" : "declined") : "submitted",
                            decided ? "Owner" : null, decided ? Timestamp.from(at) : null,
                            Timestamp.from(decided ? at.minus(1, ChronoUnit.HOURS) : now))
                    .update();
            if (decided) {
                deals.add(new DealId(deal).toString());
                claims.add(new ClaimId(claim).toString());
            }
        }
    }

    private static int number(int k) {
        return k * 37 % COUNT;
    }

    /** The ids in the order of their number (company or customer), smallest first. */
    private static List<String> byNumber(List<String> ids) {
        return IntStream.range(0, COUNT).boxed().sorted(Comparator.comparingInt(DecidedListSortingTest::number))
                .map(ids::get).toList();
    }

    @Test
    void decidedDealsLatestFirstThenByCompanyAcrossThePageBoundary() {
        WebClient staff = staff();

        String one = staff.get("/admin/deals").body();
        assertThat(rows(one, DEAL_ROW)).hasSize(50).startsWith(deals.get(59)).endsWith(deals.get(10));
        assertThat(one).contains("Showing 1–50 of 60", "rel=\"next\"", "data-server-sorted");
        assertThat(headerOf(one, "decided")).contains("aria-sort=\"descending\"");
        String two = staff.get(link(one, "rel=\"next\" href=\"([^\"]+)\"")).body();
        assertThat(rows(two, DEAL_ROW)).hasSize(10).startsWith(deals.get(9)).endsWith(deals.get(0));

        String byCompany = staff.get("/admin/deals?sort=company&dir=asc").body();
        assertThat(rows(byCompany, DEAL_ROW)).containsExactlyElementsOf(byNumber(deals).subList(0, 50));
        assertThat(headerOf(byCompany, "company")).contains("aria-sort=\"ascending\"", "dir=desc");
        String next = link(byCompany, "rel=\"next\" href=\"([^\"]+)\"");
        assertThat(next).contains("sort=company", "dir=asc", "page=2");
        assertThat(rows(staff.get(next).body(), DEAL_ROW)).containsExactlyElementsOf(byNumber(deals).subList(50, 60));
    }

    @Test
    void decidedClaimsLatestFirstThenByCustomerAcrossThePageBoundary() {
        WebClient staff = staff();

        String one = staff.get("/admin/claims").body();
        assertThat(rows(one, CLAIM_ROW)).hasSize(50).startsWith(claims.get(59)).endsWith(claims.get(10));
        assertThat(one).contains("Showing 1–50 of 60", "rel=\"next\"", "data-server-sorted");
        assertThat(headerOf(one, "decided")).contains("aria-sort=\"descending\"");

        String byCustomer = staff.get("/admin/claims?sort=customer&dir=desc&page=2").body();
        List<String> descending = new ArrayList<>(byNumber(claims));
        Collections.reverse(descending);
        assertThat(rows(byCustomer, CLAIM_ROW)).containsExactlyElementsOf(descending.subList(50, 60));
        assertThat(byCustomer).contains("Showing 51–60 of 60", "rel=\"prev\"");
        assertThat(link(byCustomer, "rel=\"prev\" href=\"([^\"]+)\"")).contains("sort=customer", "dir=desc")
                .doesNotContain("page=");
    }

    @Test
    void aSortKeyOrPageThatIsNotOnEitherListFallsBackToTheDefault() {
        WebClient staff = staff();

        WebClient.Page deal = staff.get("/admin/deals?sort=partner_id&dir=desc%27&page=-1");
        assertThat(deal.status()).isEqualTo(200);
        assertThat(rows(deal.body(), DEAL_ROW)).hasSize(50).startsWith(deals.get(59));
        assertThat(headerOf(deal.body(), "decided")).contains("aria-sort=\"descending\"");

        WebClient.Page claim = staff.get("/admin/claims?sort=evidence&page=abc");
        assertThat(claim.status()).isEqualTo(200);
        assertThat(rows(claim.body(), CLAIM_ROW)).hasSize(50).startsWith(claims.get(59));
    }

    private WebClient staff() {
        WebClient browser = browser();
        browser.login(acme.tenant().ownerEmail(), Fixtures.PASSWORD);
        return browser;
    }
}
