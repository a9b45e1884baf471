package dev.tandem.core;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageRequestTest {

    @Test
    void defaultsToTwentyFromTheStart() {
        PageRequest request = PageRequest.of(null, null, "com");

        assertThat(request.limit()).isEqualTo(20);
        assertThat(request.startingAfter()).isNull();
        assertThat(request).isEqualTo(PageRequest.first());
    }

    @Test
    void treatsAnEmptyCursorAsTheFirstPage() {
        assertThat(PageRequest.of(5, "", "com").startingAfter()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 20, 100 })
    void acceptsLimitsFromOneToAHundred(int limit) {
        assertThat(PageRequest.of(limit, null, "com").limit()).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -1, 101, Integer.MAX_VALUE })
    void refusesLimitsOutsideOneToAHundredNamingTheField(int limit) {
        assertThatExceptionOfType(InvalidRequestParameterException.class)
            .isThrownBy(() -> PageRequest.of(limit, null, "com"))
            .withMessage("must be between 1 and 100")
            .satisfies(ex -> assertThat(ex.field()).isEqualTo("limit"));
    }

    @Test
    void readsTheCursorAsAnIdOfTheListedType() {
        UUID id = Ids.newId();

        PageRequest request = PageRequest.of(10, Ids.format("com", id), "com");

        assertThat(request.startingAfter()).isEqualTo(id);
    }

    @Test
    void refusesACursorOfAnotherTypeNamingTheField() {
        String partnerId = Ids.format("ptr", Ids.newId());

        assertThatExceptionOfType(InvalidRequestParameterException.class)
            .isThrownBy(() -> PageRequest.of(10, partnerId, "com"))
            .withMessageStartingWith("expected an id starting with com_, got ptr_")
            .satisfies(ex -> assertThat(ex.field()).isEqualTo("starting_after"));
    }

    @Test
    void refusesAMalformedCursorNamingTheField() {
        assertThatExceptionOfType(InvalidRequestParameterException.class)
            .isThrownBy(() -> PageRequest.of(10, "com_nope", "com"))
            .satisfies(ex -> assertThat(ex.field()).isEqualTo("starting_after"));
    }

    @Test
    void fetchesOneRowMoreThanTheLimit() {
        assertThat(PageRequest.of(20, null, "com").fetchSize()).isEqualTo(21);
    }

    @Test
    void pageDropsTheExtraRowAndSaysThereIsMore() {
        PageRequest request = PageRequest.of(3, null, "com");

        Page<Integer> page = Page.fromOverfetch(List.of(1, 2, 3, 4), request);

        assertThat(page.data()).containsExactly(1, 2, 3);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void pageWithoutAnExtraRowIsTheLast() {
        PageRequest request = PageRequest.of(3, null, "com");

        assertThat(Page.fromOverfetch(List.of(1, 2, 3), request)).isEqualTo(new Page<>(List.of(1, 2, 3), false));
        assertThat(Page.fromOverfetch(List.of(), request)).isEqualTo(new Page<>(List.of(), false));
    }

    @Test
    void pageMapsItemsAndKeepsHasMore() {
        Page<Integer> page = new Page<>(List.of(1, 2), true);

        assertThat(page.map(i -> "#" + i)).isEqualTo(new Page<>(List.of("#1", "#2"), true));
    }

}
