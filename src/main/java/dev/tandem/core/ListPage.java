package dev.tandem.core;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a sorted list as pages show it: its rows, how many rows the whole list has and the
 * request it answers, for "Showing 51–100 of 1,234" and Previous / Next.
 *
 * @param rows the rows of this page, in order
 * @param total rows in the whole (filtered) list
 * @param request the page and order these rows are
 * @param <T> the row type
 */
public record ListPage<T>(List<T> rows, long total, ListRequest request) {

    public ListPage {
        rows = List.copyOf(Objects.requireNonNull(rows, "rows must not be null"));
        Objects.requireNonNull(request, "request must not be null");
    }

    /**
     * Counts, then fetches the asked page; a page beyond the last becomes the last, so a link
     * kept after rows went away still shows something.
     */
    public static <T> ListPage<T> fetch(ListRequest request, long total, Function<ListRequest, List<T>> fetcher) {
        int last = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + request.size() - 1) / request.size()));
        ListRequest asked = request.page() > last ? request.atPage(last) : request;
        return new ListPage<>(total == 0 ? List.of() : fetcher.apply(asked), total, asked);
    }

    /** The position of the first row shown, from 1; 0 when there is none. */
    public long from() {
        return rows.isEmpty() ? 0 : request.offset() + 1;
    }

    /** The position of the last row shown. */
    public long to() {
        return request.offset() + rows.size();
    }

    public boolean hasPrevious() {
        return request.page() > 1;
    }

    public boolean hasNext() {
        return to() < total;
    }

    public int previousPage() {
        return request.page() - 1;
    }

    public int nextPage() {
        return request.page() + 1;
    }
}
