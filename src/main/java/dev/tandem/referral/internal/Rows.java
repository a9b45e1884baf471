package dev.tandem.referral.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/** Conversions shared by the module's repositories. */
final class Rows {

    private Rows() {
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** A nullable id column as its type, e.g. {@code id(rs, "link_id", LinkId::new)}. */
    static <T> T id(ResultSet rs, String column, Function<UUID, T> type) throws SQLException {
        UUID value = uuid(rs, column);
        return value == null ? null : type.apply(value);
    }

    static UUID value(dev.tandem.core.TypedId id) {
        return id == null ? null : id.value();
    }
}
