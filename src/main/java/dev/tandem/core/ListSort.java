package dev.tandem.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The sort keys one list offers its reader, each mapped to the SQL it orders by. A page asks for
 * {@code ?sort=<key>&dir=asc|desc&page=<n>}; only keys of this whitelist reach SQL, anything else
 * falls back to the list's default, and every order ends with a unique tiebreaker (the id) so
 * that pages never overlap or skip a row.
 */
public final class ListSort {

    /** Rows per page of a staff or portal list. */
    public static final int PAGE_SIZE = 50;

    private static final Pattern SQL_NAME = Pattern.compile("[a-z_][a-z0-9_.(), ']*");

    /**
     * One sortable column: its key in the URL, its SQL expression, the way a first click sorts it, and
     * whether it can be null (then nulls come last both ways; a not-null column's order is written
     * without it, so that an index on the column also serves the descending order).
     */
    public record Key(String name, String sql, boolean descendingFirst, boolean mayBeNull) {

        public Key {
            Objects.requireNonNull(name, "name must not be null");
            if (sql == null || !SQL_NAME.matcher(sql).matches()) {
                throw new IllegalArgumentException("not a plain SQL expression: " + sql);
            }
        }

        /** A key that sorts A to Z (or small to large) first. */
        public static Key ascending(String name, String sql) {
            return new Key(name, sql, false, false);
        }

        /** A key that sorts newest (or largest) first. */
        public static Key descending(String name, String sql) {
            return new Key(name, sql, true, false);
        }

        /** The same key over an expression that may be null: its nulls come last, whichever way it is read. */
        public Key nullable() {
            return new Key(name, sql, descendingFirst, true);
        }
    }

    private final Key byDefault;

    private final Map<String, Key> keys = new LinkedHashMap<>();

    private final String tiebreaker;

    private ListSort(String tiebreaker, Key byDefault, Key... others) {
        // checked like any key's SQL
        this.tiebreaker = Key.ascending("tiebreaker", tiebreaker).sql();
        this.byDefault = byDefault;
        this.keys.put(byDefault.name(), byDefault);
        for (Key key : others) {
            this.keys.put(key.name(), key);
        }
    }

    /**
     * A list's whitelist.
     * @param tiebreaker the unique column ending every order, e.g. {@code "r.id"}
     * @param byDefault the order of a list nobody sorted, in its first direction
     * @param others the other keys the reader may sort by
     */
    public static ListSort of(String tiebreaker, Key byDefault, Key... others) {
        return new ListSort(tiebreaker, byDefault, others);
    }

    /**
     * Reads the request parameters of a list page; never fails: an unknown key, a direction other
     * than {@code asc} or {@code desc} and a page that is not a positive number each fall back to
     * the default.
     */
    public ListRequest read(String sort, String dir, String page) {
        Key key = sort == null ? byDefault : keys.getOrDefault(sort.trim(), byDefault);
        boolean descending = key.descendingFirst();
        if ("asc".equals(dir)) {
            descending = false;
        }
        else if ("desc".equals(dir)) {
            descending = true;
        }
        return new ListRequest(this, key.name(), descending, pageNumber(page), PAGE_SIZE);
    }

    /** The first page in the default order. */
    public ListRequest first() {
        return read(null, null, null);
    }

    private static int pageNumber(String page) {
        if (page == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(page.trim()));
        }
        catch (NumberFormatException ex) {
            return 1;
        }
    }

    Key key(String name) {
        return keys.get(name);
    }

    /** The ORDER BY list for the key, without the words {@code order by}. */
    String orderBy(String name, boolean descending) {
        Key key = keys.get(name);
        String direction = descending ? " desc" : " asc";
        return key.sql() + direction + (key.mayBeNull() ? " nulls last" : "") + ", " + tiebreaker + direction;
    }
}
