package dev.tandem.tracking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monthly partitions of {@code click} (UTC months), created for this month and the next two at
 * start and checked again every hour, so clicks rarely land in the default partition. A month
 * whose rows already sit in the default partition (clicks replayed long after, a clock set far
 * ahead) cannot get its partition: PostgreSQL refuses, so it is logged and left there.
 */
public final class ClickPartitions {

    private static final Logger log = LoggerFactory.getLogger(ClickPartitions.class);
    static final int MONTHS_AHEAD = 2;

    private final DataSource dataSource;
    private final Clock clock;

    public ClickPartitions(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Creates the missing partitions for this month and the next two; never throws. */
    public void ensure() {
        YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i <= MONTHS_AHEAD; i++) {
                ensure(c, now.plusMonths(i));
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Click partitions: could not check them ({}); will try again", e.getMessage());
        }
    }

    static String name(YearMonth month) {
        return String.format("click_y%04dm%02d", month.getYear(), month.getMonthValue());
    }

    private void ensure(Connection c, YearMonth month) throws SQLException {
        String name = name(month);
        if (exists(c, name)) {
            return;
        }
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                // two nodes starting together take turns
                s.execute("select pg_advisory_xact_lock(hashtext('click_partitions'))");
            }
            if (!exists(c, name)) {
                if (defaultHolds(c, from, to)) {
                    log.warn("Click partitions: {} not created, the default partition already holds clicks of {}", name,
                            month);
                } else {
                    try (Statement s = c.createStatement()) {
                        s.execute("create table if not exists " + name + " partition of click for values from ('" + from
                                + "') to ('" + to + "')");
                    }
                    log.info("Click partitions: created {}", name);
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            log.warn("Click partitions: could not create {}: {}", name, e.getMessage());
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select to_regclass(?) is not null")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean defaultHolds(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select exists (select 1 from click_default where clicked_at >= ? and clicked_at < ?)")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
