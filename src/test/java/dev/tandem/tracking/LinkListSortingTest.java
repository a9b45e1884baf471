package dev.tandem.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

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
 * A program's links and codes are sorted and paged on the server: a program with thousands of links
 * must not be sorted one page at a time. 60 links of Ana (whose address order is not their age
 * order) besides Ana's and Ben's default links make two pages; the order carries across the page
 * boundary, the partner filter survives paging, and a bad sort falls back to newest first.
 */
class LinkListSortingTest extends IntegrationTest {

    private static final int COUNT = 60;
    private static final Pattern LINK_ROW = Pattern.compile("<tr data-link=\"([^\"]+)\"");
    private static final Pattern CODE_ROW = Pattern.compile("<tr data-code=\"([^\"]+)\"");

    @Autowired
    ProgramFixtures programs;

    private ProgramFixtures.Setup acme;
    private ProgramFixtures.Member ana;
    private ProgramFixtures.Member ben;
    private final List<String> created = new ArrayList<>();
    private final String[] byAddress = new String[COUNT];
    private final Set<String> disabled = new HashSet<>();

    /** Link k is made k minutes after the first; its address ends in (37k mod 60); every tenth is switched off. */
    @BeforeEach
    void sixtyLinks() {
        acme = programs.program("Acme Link Sorting");
        ana = programs.approvedPartner(acme, "Ana Sorting");
        ben = programs.approvedPartner(acme, "Ben Sorting");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Instant first = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int k = 0; k < COUNT; k++) {
            UUID id = UUID.randomUUID();
            int position = k * 37 % COUNT;
            Instant at = first.plus(k, ChronoUnit.MINUTES);
            jdbc.sql("insert into link (workspace_id, id, program_id, partner_id, slug, created_at, disabled_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(acme.workspace().value(), id, acme.program().id().value(), ana.partner().id().value(),
                            "zz" + tag + "-" + String.format("%02d", position), Timestamp.from(at),
                            k % 10 == 0 ? Timestamp.from(at) : null)
                    .update();
            String linkId = new LinkId(id).toString();
            created.add(linkId);
            byAddress[position] = linkId;
            if (k % 10 == 0) {
                disabled.add(linkId);
            }
        }
    }

    @Test
    void newestComeFirstAndSortingByAddressCarriesAcrossThePageBoundary() {
        WebClient staff = staff();
        String base = "/admin/programs/" + acme.program().id() + "/links";

        String one = staff.get(base).body();
        assertThat(rows(one, LINK_ROW)).as("the two default links are the newest").hasSize(50)
                .doesNotContain(created.get(11)).contains(created.get(59), created.get(12));
        assertThat(one).contains("Showing 1–50 of 62", "rel=\"next\"", "data-server-sorted");

        String byName = staff.get(base + "?sort=address&dir=asc").body();
        assertThat(headerOf(byName, "address")).contains("aria-sort=\"ascending\"", "dir=desc");
        String next = link(byName, "rel=\"next\" href=\"([^\"]+)\"");
        assertThat(next).contains("sort=address", "dir=asc", "page=2");
        assertThat(rows(staff.get(next).body(), LINK_ROW)).as("rows 51-62: the last twelve addresses")
                .containsExactly(List.of(byAddress).subList(48, 60).toArray(String[]::new));

        String switchedOffFirst = staff.get(base + "?sort=status&dir=desc").body();
        assertThat(Set.copyOf(rows(switchedOffFirst, LINK_ROW).subList(0, disabled.size()))).isEqualTo(disabled);
    }

    /**
     * Which links bring people: link k of the first eight gets 3k human visitors, plus bots and repeats
     * (3 and 2 each) that must count neither in the figure shown nor in the order; the links without
     * clicks follow them, and the figures read down the page never grow.
     */
    @Test
    void linksSortByTheirHumanVisitorsMostFirstAsThePageCountsThem() {
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        for (int k = 1; k <= 8; k++) {
            UUID link = LinkId.parse(created.get(k * 7)).value();
            for (int i = 0; i < 3 * k + 5; i++) {
                jdbc.sql("insert into click (workspace_id, id, clicked_at, link_id, program_id, partner_id, click_token,"
                                + " is_bot, is_repeat) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(acme.workspace().value(), UUID.randomUUID(), Timestamp.from(at.plusSeconds(i)), link,
                                acme.program().id().value(), ana.partner().id().value(), "t" + i,
                                i >= 3 * k && i < 3 * k + 3, i >= 3 * k + 3)
                        .update();
            }
        }
        WebClient staff = staff();
        String base = "/admin/programs/" + acme.program().id() + "/links";

        String most = staff.get(base + "?sort=visitors").body();
        assertThat(headerOf(most, "visitors")).contains("aria-sort=\"descending\"", "dir=asc");
        List<String> order = rows(most, LINK_ROW);
        List<String> busiest = new ArrayList<>();
        for (int k = 8; k >= 1; k--) {
            busiest.add(created.get(k * 7));
        }
        assertThat(order.subList(0, 8)).containsExactlyElementsOf(busiest);
        List<Integer> shown = ListPages.rows(most, Pattern.compile("<td class=\"clicks\">(\\d+)</td>")).stream()
                .map(Integer::valueOf).toList();
        assertThat(shown.subList(0, 9)).containsExactly(24, 21, 18, 15, 12, 9, 6, 3, 0);

        String fewest = staff.get(base + "?sort=visitors&dir=asc&page=2").body();
        assertThat(rows(fewest, LINK_ROW)).as("rows 51-62: the busiest twelve, fewest of them first")
                .endsWith(busiest.get(1), busiest.get(0));
    }

    @Test
    void thePartnerFilterAndABadSortKeepTheListUsable() {
        WebClient staff = staff();
        String base = "/admin/programs/" + acme.program().id() + "/links";

        WebClient.Page bens = staff.get(base + "?partner=" + ben.partner().id() + "&sort=campaign");
        assertThat(rows(bens.body(), LINK_ROW)).hasSize(1);
        assertThat(bens.body()).contains("Showing 1–1 of 1");
        assertThat(headerOf(bens.body(), "status")).contains("partner=" + ben.partner().id());

        WebClient.Page bad = staff.get(base + "?sort=partner_id;drop&dir=up&page=x");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(rows(bad.body(), LINK_ROW)).hasSize(50).contains(created.get(59));
    }

    @Test
    void codesSortByCodeAcrossPages() {
        String tag = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        List<String> codes = new ArrayList<>();
        for (int k = 0; k < COUNT; k++) {
            UUID id = UUID.randomUUID();
            jdbc.sql("insert into referral_code (workspace_id, id, program_id, partner_id, code, kind, created_at)"
                            + " values (?, ?, ?, ?, ?, 'coupon', ?)")
                    .params(acme.workspace().value(), id, acme.program().id().value(), ben.partner().id().value(),
                            "ZZ" + tag + String.format("%02d", k * 37 % COUNT), Timestamp.from(Instant.now()))
                    .update();
            codes.add("ZZ" + tag + String.format("%02d", k * 37 % COUNT));
        }
        WebClient staff = staff();
        String base = "/admin/programs/" + acme.program().id() + "/codes";
        String two = staff.get(base + "?sort=code&dir=asc&page=2").body();
        assertThat(two).contains("Showing 51–62 of 62");
        assertThat(two).contains("ZZ" + tag + "59").doesNotContain("ZZ" + tag + "47<");
        assertThat(rows(staff.get(base + "?sort=code&dir=desc").body(), CODE_ROW)).hasSize(50);
        assertThat(staff.get(base + "?sort=code&dir=desc").body().indexOf("ZZ" + tag + "59"))
                .isLessThan(staff.get(base + "?sort=code&dir=desc").body().indexOf("ZZ" + tag + "58"));
    }

    private WebClient staff() {
        WebClient browser = browser();
        browser.login(acme.tenant().ownerEmail(), Fixtures.PASSWORD);
        return browser;
    }
}
