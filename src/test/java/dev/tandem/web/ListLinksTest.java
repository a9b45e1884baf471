package dev.tandem.web;

import dev.tandem.core.ListRequest;
import dev.tandem.core.ListSort;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sorted list's links keep the URL's filters and search exactly (a '+' stays a plus), replace
 * only sort, dir and page, and never carry on what a form posted or a broken escape.
 */
class ListLinksTest {

    private static final ListSort SORTS = ListSort.of("id", ListSort.Key.descending("created", "created_at"),
            ListSort.Key.ascending("name", "lower(name)"));

    @Test
    void aHeaderLinkKeepsTheFiltersAndStartsAgainAtPageOne() {
        ListLinks.Links links = new ListLinks.Links("/admin/partners",
                ListLinks.query("q=ana%2Bbea%40x.test&status=lead&sort=name&dir=asc&page=3&program=&broken=%zz"));
        ListRequest current = SORTS.read("name", "asc", "3");

        assertThat(links.sort(current, "name"))
                .isEqualTo("/admin/partners?q=ana%2Bbea%40x.test&status=lead&program=&sort=name&dir=desc");
        assertThat(links.sort(current, "created"))
                .isEqualTo("/admin/partners?q=ana%2Bbea%40x.test&status=lead&program=&sort=created&dir=desc");
        assertThat(links.page(current, 4))
                .isEqualTo("/admin/partners?q=ana%2Bbea%40x.test&status=lead&program=&sort=name&dir=asc&page=4");
    }

    @Test
    void withoutAQueryTheLinksCarryOnlyTheOrder() {
        ListLinks.Links links = new ListLinks.Links("/admin/audit", ListLinks.query(null));

        assertThat(links.page(SORTS.first(), 2)).isEqualTo("/admin/audit?sort=created&dir=desc&page=2");
    }

    @Test
    void aListShownAgainByAFormPostedElsewhereLinksToTheListsOwnAddress() {
        ListLinks.Links posted = new ListLinks.Links("/admin/commissions/bulk", ListLinks.query(null));
        ListRequest current = SORTS.read("name", "asc", "2");

        ListLinks.Links links = posted.at("/admin/commissions?partner=ptr_1&sort=name&dir=asc&page=2");
        assertThat(links.page(current, 3)).isEqualTo("/admin/commissions?partner=ptr_1&sort=name&dir=asc&page=3");
        assertThat(links.sort(current, "created")).isEqualTo("/admin/commissions?partner=ptr_1&sort=created&dir=desc");
        assertThat(posted.at("/admin/deals").page(current, 2)).isEqualTo("/admin/deals?sort=name&dir=asc&page=2");
    }
}
