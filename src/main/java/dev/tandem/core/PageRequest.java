package dev.tandem.core;

import java.util.UUID;

/**
 * One page of a list request: at most {@code limit} items after the id {@code startingAfter}
 * (the first page when it is null), as asked for with {@code ?limit=} and
 * {@code ?starting_after=}.
 *
 * @param limit how many items to answer, 1 to 100
 * @param startingAfter the last id of the previous page, or null for the first page
 */
public record PageRequest(int limit, UUID startingAfter) {

    public static final int DEFAULT_LIMIT = 20;

    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestParameterException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    /**
     * Reads the request parameters as sent by a client.
     * @param limit the {@code limit} parameter, null for the default of 20
     * @param startingAfter the {@code starting_after} parameter, null or empty for the first page
     * @param idPrefix the type prefix of the listed ids, e.g. {@code "com"}
     * @throws InvalidRequestParameterException naming the parameter that is wrong
     */
    public static PageRequest of(Integer limit, String startingAfter, String idPrefix) {
        int size = (limit != null) ? limit : DEFAULT_LIMIT;
        // An empty value is what a form or a naive client sends for "no cursor".
        if (startingAfter == null || startingAfter.isEmpty()) {
            return new PageRequest(size, null);
        }
        UUID cursor;
        try {
            cursor = Ids.parse(idPrefix, startingAfter);
        }
        catch (InvalidIdException ex) {
            throw new InvalidRequestParameterException("starting_after", ex.getMessage(), ex);
        }
        return new PageRequest(size, cursor);
    }

    /** The first page with the default size. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, null);
    }

    /** Rows to fetch: one more than the limit, so that the extra row tells whether there is more. */
    public int fetchSize() {
        return this.limit + 1;
    }

}
