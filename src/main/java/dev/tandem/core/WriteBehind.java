package dev.tandem.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inserts held back until a group of work is done, then written in one statement: each table's rows
 * as one {@code insert … select … from unnest(…)}, the tables chained as data-modifying {@code WITH}s.
 * What lets the event intake store many events in one transaction at the cost of a few statements,
 * not a dozen per event. Outside a {@link #hold} everything is written at once, as usual.
 *
 * <p>Held rows are never invisible to the code that holds them: before any other statement of the
 * application (every one passes through the {@link JdbcClient}, see {@link #beforeStatement}) that
 * writes, or that reads a table with held rows, the held rows are written first — the rule
 * Hibernate's automatic flush follows. Tables are written in the order the work first named them,
 * so that a row is written after the rows it refers to.
 */
@Component
public class WriteBehind {

    private static final Pattern WRITE = Pattern.compile("^\\s*(with\\b[\\s\\S]*\\b)?(insert|update|delete|merge)\\b",
            Pattern.CASE_INSENSITIVE);

    private final ThreadLocal<Held> held = new ThreadLocal<>();
    private final JdbcTemplate jdbc;

    WriteBehind(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final Pattern INSERT = Pattern.compile(
            "^\\s*insert\\s+into\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*values\\s*\\((.*)\\)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("^\\?(::[\\w ]+)?$");

    /** Each table's column types, read from PostgreSQL's catalog once. */
    private final Map<String, Map<String, String>> types = new java.util.concurrent.ConcurrentHashMap<>();

    /** Rows held for one table, all for the same statement. */
    private static final class Table {
        final String name;
        final String sql;
        final List<Object[]> rows = new ArrayList<>();
        final Pattern named;

        Table(String name, String sql) {
            this.name = name;
            this.sql = sql;
            this.named = Pattern.compile("\\b" + Pattern.quote(name) + "\\b", Pattern.CASE_INSENSITIVE);
        }
    }

    /** What is held on this thread: the tables in the order they must be written, and the flushes so far. */
    private static final class Held {
        final LinkedHashMap<String, Table> tables = new LinkedHashMap<>();
        final List<String> order = new ArrayList<>();
        final Map<Object, Object> attributes = new HashMap<>();
        int flushes;
        int writes;
        int rows;
        String previous;
    }

    /** Where a piece of work began: to drop what it held when it fails before anything was written. */
    public record Mark(int flushes, int writes, Map<String, Integer> sizes) {
    }

    /**
     * Runs {@code work} with inserts held back, and writes what it held when it is done. Must run
     * inside a transaction (held rows are written in it); not reentrant.
     */
    public <T> T hold(Supplier<T> work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("rows are held only inside a transaction");
        }
        if (held.get() != null) {
            throw new IllegalStateException("already holding rows");
        }
        held.set(new Held());
        try {
            T result = work.get();
            flush();
            return result;
        } finally {
            held.remove();
        }
    }

    /** Whether inserts are being held on this thread. */
    public boolean holding() {
        return held.get() != null;
    }

    /**
     * Inserts one row into {@code table} with {@code sql}, a plain single-row
     * {@code insert into … values (?, …)}: held when {@link #holding}, else written now. The same table
     * must always come with the same statement.
     */
    public void insert(String table, String sql, Object... params) {
        Held h = held.get();
        if (h == null) {
            jdbc.update(sql, params);
            return;
        }
        Table t = h.tables.get(table);
        if (t == null) {
            t = new Table(table, sql);
            h.tables.put(table, t);
            // after the table this piece of work wrote before (rows come after those they refer to)
            int at = h.previous == null ? 0 : h.order.indexOf(h.previous) + 1;
            h.order.add(at, table);
        } else if (!t.sql.equals(sql)) {
            throw new IllegalArgumentException("another statement for " + table + ": " + sql);
        }
        t.rows.add(params);
        h.rows++;
        h.previous = table;
    }

    /** Where the work stands now; see {@link #dropSince}. */
    public Mark mark() {
        Held h = held.get();
        if (h == null) {
            return new Mark(0, 0, Map.of());
        }
        h.previous = null;
        Map<String, Integer> sizes = new HashMap<>();
        h.tables.forEach((name, t) -> sizes.put(name, t.rows.size()));
        return new Mark(h.flushes, h.writes, sizes);
    }

    /**
     * Drops the rows held since {@code mark}, so that work that failed leaves nothing behind. False
     * when some were written meanwhile, or another statement wrote: then only rolling back the
     * transaction undoes them.
     */
    public boolean dropSince(Mark mark) {
        Held h = held.get();
        if (h == null || h.flushes != mark.flushes() || h.writes != mark.writes()) {
            return h == null;
        }
        h.tables.forEach((name, t) -> {
            int keep = mark.sizes().getOrDefault(name, 0);
            h.rows -= t.rows.size() - keep;
            t.rows.subList(keep, t.rows.size()).clear();
        });
        return true;
    }

    /** A value kept for as long as rows are held (e.g. what the work made, so it need not be read back). */
    @SuppressWarnings("unchecked")
    public <T> T attribute(Object key, Supplier<T> initial) {
        Held h = held.get();
        if (h == null) {
            return null;
        }
        return (T) h.attributes.computeIfAbsent(key, k -> initial.get());
    }

    /**
     * A value read once for as long as rows are held — the group of work sees one moment, as a
     * transaction would that read it once — and read every time otherwise. Values must not be null.
     */
    @SuppressWarnings("unchecked")
    public <T> T once(Object key, Supplier<T> read) {
        Held h = held.get();
        if (h == null) {
            return read.get();
        }
        Object value = h.attributes.get(key);
        if (value == null) {
            value = read.get();
            h.attributes.put(key, value);
        }
        return (T) value;
    }

    /** Forgets a value read {@link #once}, after the work changed it. */
    public void forget(Object key) {
        Held h = held.get();
        if (h != null) {
            h.attributes.remove(key);
        }
    }

    /** Called before every statement the application runs: writes what is held if the statement could see it. */
    void beforeStatement(String sql) {
        Held h = held.get();
        if (h == null) {
            return;
        }
        boolean needed = WRITE.matcher(sql).find();
        if (needed) {
            h.writes++;
        }
        if (h.rows == 0) {
            return;
        }
        for (Table t : h.tables.values()) {
            if (needed) {
                break;
            }
            needed = !t.rows.isEmpty() && t.named.matcher(sql).find();
        }
        if (needed) {
            flush();
        }
    }

    /**
     * Writes the rows as one {@code insert … select … from unnest(…)}: one statement, parsed and planned
     * once, however many rows (a multi-row {@code values} list is a new statement for each count of
     * rows, and the driver splits a batch into several of them). Values go as text, cast to each
     * column's type. A statement this does not understand goes as a plain batch.
     */
    private Insert unnest(Table t, List<Object[]> rows) {
        java.util.regex.Matcher m = INSERT.matcher(t.sql);
        if (!m.matches() || !m.group(1).equalsIgnoreCase(t.name)) {
            return null;
        }
        String[] columns = m.group(2).split(",");
        String[] values = m.group(3).split(",");
        Map<String, String> typeOf = types.computeIfAbsent(t.name, this::columnTypes);
        if (columns.length != values.length) {
            return null;
        }
        StringBuilder select = new StringBuilder();
        StringBuilder unnest = new StringBuilder();
        List<String[]> arrays = new ArrayList<>();
        int param = 0;
        for (int c = 0; c < columns.length; c++) {
            String column = columns[c].trim();
            String value = values[c].trim();
            String type = typeOf.get(column);
            boolean isNull = value.equalsIgnoreCase("null");
            if (type == null || !isNull && !PARAMETER.matcher(value).matches()) {
                return null;
            }
            select.append(c == 0 ? "" : ", ").append(isNull ? "null" : "u.c" + c).append("::").append(type);
            if (!isNull) {
                String[] array = new String[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    Object v = rows.get(r)[param];
                    String text = text(v);
                    if (v != null && text == null) {
                        return null;
                    }
                    array[r] = text;
                }
                arrays.add(array);
                unnest.append(unnest.isEmpty() ? "" : ", ").append("?::text[]");
                param++;
            }
        }
        StringBuilder names = new StringBuilder();
        for (int c = 0, a = 0; c < columns.length; c++) {
            if (!values[c].trim().equalsIgnoreCase("null")) {
                names.append(a++ == 0 ? "" : ", ").append("c").append(c);
            }
        }
        return new Insert("insert into " + t.name + " (" + m.group(2) + ") select " + select + " from unnest(" + unnest
                + ") as u (" + names + ")", arrays.toArray());
    }

    /** A value as PostgreSQL reads it in text, or null when its type is not one of these. */
    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String || v instanceof java.util.UUID || v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toInstant().toString();
        }
        if (v instanceof java.time.Instant instant) {
            return instant.toString();
        }
        if (v instanceof byte[] bytes) {
            return "\\x" + java.util.HexFormat.of().formatHex(bytes);
        }
        return null;
    }

    private Map<String, String> columnTypes(String table) {
        Map<String, String> columns = new HashMap<>();
        jdbc.query("select a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a"
                        + " where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped",
                rs -> {
                    columns.put(rs.getString(1), rs.getString(2));
                }, table);
        return columns;
    }

    /** Writes every held row now, one batch per table, in the order the tables must be written. */
    public void flush() {
        Held h = held.get();
        if (h == null || h.rows == 0) {
            return;
        }
        List<Table> tables = new ArrayList<>();
        List<List<Object[]>> rows = new ArrayList<>();
        List<Insert> inserts = new ArrayList<>();
        for (String name : h.order) {
            Table t = h.tables.get(name);
            if (!t.rows.isEmpty()) {
                tables.add(t);
                rows.add(new ArrayList<>(t.rows));
                inserts.add(unnest(t, rows.get(rows.size() - 1)));
                t.rows.clear();
            }
        }
        h.rows = 0;
        h.flushes++;
        if (inserts.size() > 1 && inserts.stream().allMatch(java.util.Objects::nonNull)) {
            // every table in one statement: each insert a data-modifying WITH of the last; PostgreSQL checks the
            // foreign keys at the end of the statement, when the rows they refer to are there
            StringBuilder sql = new StringBuilder("with ");
            List<Object> params = new ArrayList<>();
            for (int i = 0; i < inserts.size(); i++) {
                Insert insert = inserts.get(i);
                sql.append(i == inserts.size() - 1 ? " " : (i == 0 ? "" : ", ") + "w" + i + " as (")
                        .append(insert.sql()).append(i == inserts.size() - 1 ? "" : ")");
                params.addAll(java.util.Arrays.asList(insert.params()));
            }
            jdbc.update(sql.toString(), params.toArray());
            return;
        }
        for (int i = 0; i < tables.size(); i++) {
            if (inserts.get(i) != null) {
                jdbc.update(inserts.get(i).sql(), inserts.get(i).params());
            } else {
                jdbc.batchUpdate(tables.get(i).sql, rows.get(i));
            }
        }
    }

    /** One statement and its parameters. */
    private record Insert(String sql, Object[] params) {
    }
}
