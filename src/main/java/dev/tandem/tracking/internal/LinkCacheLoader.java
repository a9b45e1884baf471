package dev.tandem.tracking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.tandem.workspace.WorkspaceId;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The one query that fills the link cache. It reads the program and enrollment tables directly,
 * read-only, instead of asking the program and partner modules: the cache loads up to millions of
 * rows at start and reloads whole programs on a change, and one join does that in a single pass
 * where a call per link into other modules could not. Nothing here writes outside tracking.
 */
@Component
class LinkCacheLoader {

    private static final String SELECT = """
            select lower(l.slug), l.id, l.partner_id, l.destination,
                   l.disabled_at is null and coalesce(e.status = 'approved', false),
                   l.workspace_id, l.program_id, p.default_destination, p.attribution_window_days,
                   p.fallback_destination, p.archived_at is null
              from link l
              join program p on p.workspace_id = l.workspace_id and p.id = l.program_id
              left join enrollment e on e.workspace_id = l.workspace_id and e.program_id = l.program_id
                                    and e.partner_id = l.partner_id
            """;

    private final DataSource dataSource;

    LinkCacheLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Which links to load: a where clause and its parameters. */
    record Filter(String where, Object... params) {
        static Filter all() {
            return new Filter("");
        }

        static Filter slugs(List<String> lowerCaseSlugs) {
            return new Filter(" where lower(l.slug) = any(?)", (Object) lowerCaseSlugs.toArray(String[]::new));
        }

        static Filter program(UUID workspace, UUID program) {
            return new Filter(" where l.workspace_id = ? and l.program_id = ?", workspace, program);
        }

        static Filter enrollment(UUID workspace, UUID program, UUID partner) {
            return new Filter(" where l.workspace_id = ? and l.partner_id = ? and l.program_id = ?", workspace, partner,
                    program);
        }
    }

    /** One link as loaded; {@code destination} null means the program's default. */
    record Row(String slug, UUID linkId, UUID partnerId, LinkCache.Destination destination, boolean enabled,
            LinkCache.ProgramTarget program) {
    }

    /** Streams the matching links to {@code sink}; a million rows are read in chunks, never held at once. */
    void load(Filter filter, Consumer<Row> sink) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            // PostgreSQL only streams with a fetch size inside a transaction
            c.setAutoCommit(false);
            try (PreparedStatement select = c.prepareStatement(SELECT + filter.where())) {
                select.setFetchSize(5_000);
                for (int i = 0; i < filter.params().length; i++) {
                    Object param = filter.params()[i];
                    if (param instanceof String[] array) {
                        select.setArray(i + 1, c.createArrayOf("text", array));
                    } else {
                        select.setObject(i + 1, param);
                    }
                }
                read(select, sink);
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not load links: " + e.getMessage(), e);
        }
    }

    private static void read(PreparedStatement select, Consumer<Row> sink) throws SQLException {
        Map<UUID, LinkCache.ProgramTarget> programs = new HashMap<>();
        Map<String, LinkCache.Destination> destinations = new HashMap<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                UUID programId = rs.getObject(7, UUID.class);
                LinkCache.ProgramTarget program = programs.get(programId);
                if (program == null) {
                    String fallback = rs.getString(10);
                    program = new LinkCache.ProgramTarget(new WorkspaceId(rs.getObject(6, UUID.class)), programId,
                            LinkCache.Destination.parse(rs.getString(8)), rs.getInt(9),
                            fallback == null || fallback.isBlank() ? null : LinkCache.Destination.parse(fallback),
                            rs.getBoolean(11));
                    programs.put(programId, program);
                }
                String destination = rs.getString(4);
                // links sharing a destination share its parsed form (bounded: a load holds at most this map)
                LinkCache.Destination parsed = destination == null ? null
                        : destinations.size() < 100_000 ? destinations.computeIfAbsent(destination, LinkCache.Destination::parse)
                        : LinkCache.Destination.parse(destination);
                sink.accept(new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), parsed,
                        rs.getBoolean(5), program));
            }
        }
    }
}
