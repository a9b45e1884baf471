package dev.tandem.core;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of a list as the API answers it: {@code {"data": [...], "has_more": true}}.
 *
 * @param data the items of this page, in list order
 * @param hasMore whether another page follows the last item
 * @param <T> the item type
 */
public record Page<T>(List<T> data, @JsonProperty("has_more") boolean hasMore) {

    public Page {
        data = List.copyOf(Objects.requireNonNull(data, "data must not be null"));
    }

    /**
     * The page from rows fetched with {@link PageRequest#fetchSize()}: an extra row beyond the
     * limit means there is more, and is dropped.
     */
    public static <T> Page<T> fromOverfetch(List<T> rows, PageRequest request) {
        Objects.requireNonNull(rows, "rows must not be null");
        boolean hasMore = rows.size() > request.limit();
        return new Page<>(hasMore ? rows.subList(0, request.limit()) : rows, hasMore);
    }

    /** The same page with each item converted, e.g. from a domain object to its API form. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper must not be null");
        return new Page<>(this.data.stream().<R>map(mapper).toList(), this.hasMore);
    }

}
