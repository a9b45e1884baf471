package dev.tandem.core;

import java.util.Objects;

/**
 * What the reader asked of a list page, already checked against the list's {@link ListSort}: the
 * sort key, its direction and the page (counted from 1).
 *
 * @param sorts the whitelist the key comes from
 * @param sort the sort key, one of the whitelist
 * @param descending whether the order is descending
 * @param page the page, from 1
 * @param size rows per page
 */
public record ListRequest(ListSort sorts, String sort, boolean descending, int page, int size) {

    public ListRequest {
        Objects.requireNonNull(sorts, "sorts must not be null");
        if (sorts.key(sort) == null) {
            throw new IllegalArgumentException("not a key of this list: " + sort);
        }
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("page and size start at 1");
        }
    }

    /** The SQL to put after {@code order by}: the whitelisted expression, then the tiebreaker. */
    public String orderBy() {
        return sorts.orderBy(sort, descending);
    }

    /** Rows to skip. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    /** The same order at another page. */
    public ListRequest atPage(int other) {
        return new ListRequest(sorts, sort, descending, Math.max(1, other), size);
    }

    /** {@code ascending}, {@code descending} or {@code none}: the header's aria-sort. */
    public String ariaSort(String key) {
        if (!sort.equals(key)) {
            return "none";
        }
        return descending ? "descending" : "ascending";
    }

    /** The direction a click on the key's header asks for: the other way round if it is the current order. */
    public String nextDirection(String key) {
        ListSort.Key asked = sorts.key(key);
        if (asked == null) {
            throw new IllegalArgumentException("not a key of this list: " + key);
        }
        boolean descend = sort.equals(key) ? !descending : asked.descendingFirst();
        return descend ? "desc" : "asc";
    }

    /** {@code asc} or {@code desc}, as the URL says it. */
    public String dir() {
        return descending ? "desc" : "asc";
    }
}
