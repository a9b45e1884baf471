package dev.tandem.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list's sort whitelist: only its keys reach SQL, anything else a reader sends falls back to the
 * default, every order ends with the id so that pages are stable, and a page past the end shows the
 * last one.
 */
class ListSortTest {

    private static final ListSort SORTS = ListSort.of("r.id",
            ListSort.Key.descending("created", "r.created_at"),
            ListSort.Key.ascending("customer", "lower(c.name)").nullable());

    @Test
    void aKnownKeyOrdersByItsExpressionThenTheIdTheSameWay() {
        ListRequest request = SORTS.read("customer", "desc", "3");

        assertThat(request.orderBy()).isEqualTo("lower(c.name) desc nulls last, r.id desc");
        assertThat(request.offset()).isEqualTo(100);
        assertThat(request.size()).isEqualTo(ListSort.PAGE_SIZE);
    }

    @Test
    void whatTheReaderSendsNeverReachesSqlAndBadValuesFallBackToTheDefault() {
        ListRequest request = SORTS.read("r.id; drop table referral", "sideways", "-4");

        assertThat(request.sort()).isEqualTo("created");
        // a not-null column's order carries no "nulls last", so an index on it also serves it read backwards
        assertThat(request.orderBy()).isEqualTo("r.created_at desc, r.id desc");
        assertThat(request.page()).isEqualTo(1);
        assertThat(SORTS.read(null, null, "abc").page()).isEqualTo(1);
        assertThat(SORTS.read("customer", null, null).descending()).as("a key's own first direction").isFalse();
    }

    @Test
    void aHeaderClickTurnsTheCurrentOrderRoundAndStartsAnotherKeyInItsOwnDirection() {
        ListRequest byCustomer = SORTS.read("customer", "asc", null);

        assertThat(byCustomer.ariaSort("customer")).isEqualTo("ascending");
        assertThat(byCustomer.ariaSort("created")).isEqualTo("none");
        assertThat(byCustomer.nextDirection("customer")).isEqualTo("desc");
        assertThat(byCustomer.nextDirection("created")).isEqualTo("desc");
    }

    @Test
    void aPageCountsItsRowsAndAPagePastTheEndBecomesTheLast() {
        ListPage<Integer> second = ListPage.fetch(SORTS.read(null, null, "2"), 60,
                r -> java.util.stream.IntStream.range((int) r.offset(), 60).boxed().toList());
        assertThat(second.from()).isEqualTo(51);
        assertThat(second.to()).isEqualTo(60);
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isFalse();

        ListPage<Integer> far = ListPage.fetch(SORTS.read(null, null, "99"), 60, r -> java.util.List.of(50));
        assertThat(far.request().page()).isEqualTo(2);

        ListPage<Integer> none = ListPage.fetch(SORTS.first(), 0, r -> java.util.List.of(1));
        assertThat(none.rows()).isEmpty();
    }
}
