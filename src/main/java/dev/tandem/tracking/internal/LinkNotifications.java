package dev.tandem.tracking.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps every node's link cache current. Triggers on link, program and enrollment
 * (V10, V12) send {@code pg_notify('tandem_link', …)}; one thread LISTENs on a connection of its
 * own and reloads what changed: a slug, {@code program:<workspace>:<program>} or
 * {@code enrollment:<workspace>:<program>:<partner>}. The cache is loaded right after LISTEN, so
 * no change falls between the two; after a lost connection it reconnects and loads everything
 * again, since notifications sent meanwhile are gone.
 */
@Component
public class LinkNotifications implements SmartLifecycle {

    static final String CHANNEL = "tandem_link";
    private static final Logger log = LoggerFactory.getLogger(LinkNotifications.class);
    /** More slugs than this at once (a bulk import) are cheaper to load whole. */
    private static final int RELOAD_ALL_ABOVE = 20_000;
    private static final String MARK = "mark:";

    private final DataSource dataSource;
    private final LinkCache cache;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;
    /** After a full load: slug notifications before this marker are already in the cache. */
    private String skipUntil;

    LinkNotifications(DataSource dataSource, LinkCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    /** Before the web server starts (lower phase), so the first redirect already finds every link. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public void start() {
        running = true;
        try {
            connection = listen();
        } catch (SQLException | RuntimeException e) {
            log.warn("Link cache: cannot listen for changes yet ({}); retrying in the background", e.getMessage());
        }
        thread = new Thread(this::run, "tandem-link-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private Connection listen() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("listen " + CHANNEL);
            }
            cache.loadAll();
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void run() {
        long backoff = 500;
        while (running) {
            try {
                if (connection == null) {
                    connection = listen();
                    backoff = 500;
                }
                receive(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("Link cache: lost the change notifications ({}); reconnecting", e.getMessage());
                evict();
                closeQuietly();
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void receive(PGConnection pg) throws SQLException {
        while (running) {
            PGNotification[] first = pg.getNotifications(500);
            if (first == null || first.length == 0) {
                continue;
            }
            Set<String> payloads = new LinkedHashSet<>();
            add(payloads, first);
            // a bulk change arrives in many reads: gather what is already there before reloading
            PGNotification[] more;
            while (payloads.size() <= RELOAD_ALL_ABOVE && (more = pg.getNotifications(20)) != null && more.length > 0) {
                add(payloads, more);
            }
            handle(payloads);
        }
    }

    private static void add(Set<String> payloads, PGNotification[] notifications) {
        for (PGNotification n : notifications) {
            payloads.add(n.getParameter());
        }
    }

    void handle(Set<String> payloads) throws SQLException {
        List<String> slugs = new ArrayList<>();
        for (String payload : payloads) {
            if (skipUntil != null) {
                if (payload.equals(skipUntil)) {
                    skipUntil = null;
                }
                // program and enrollment changes are rare and cheap: reload them even while skipping
                if (payload.startsWith("program:") || payload.startsWith("enrollment:")) {
                    reloadOther(payload);
                }
                continue;
            }
            if (payload.startsWith(MARK)) {
                continue;
            }
            if (payload.startsWith("program:") || payload.startsWith("enrollment:")) {
                reloadOther(payload);
            } else {
                slugs.add(payload);
            }
        }
        if (slugs.size() > RELOAD_ALL_ABOVE) {
            reloadAllAfterMark();
        } else if (!slugs.isEmpty()) {
            cache.reloadSlugs(slugs);
        }
    }

    /**
     * A marker sent (and committed) before the full load's snapshot: every slug notification
     * that arrives before it describes a change the load already saw, so those are skipped.
     */
    private void reloadAllAfterMark() throws SQLException {
        String mark = MARK + UUID.randomUUID();
        try (Statement s = connection.createStatement()) {
            s.execute("select pg_notify('" + CHANNEL + "', '" + mark + "')");
        }
        skipUntil = mark;
        cache.loadAll();
    }

    private void reloadOther(String payload) {
        String[] parts = payload.split(":");
        try {
            if (parts[0].equals("program") && parts.length == 3) {
                cache.reloadProgram(UUID.fromString(parts[1]), UUID.fromString(parts[2]));
            } else if (parts[0].equals("enrollment") && parts.length == 4) {
                cache.reloadEnrollment(UUID.fromString(parts[1]), UUID.fromString(parts[2]), UUID.fromString(parts[3]));
            } else {
                log.debug("Link cache: ignored notification {}", payload);
            }
        } catch (IllegalArgumentException e) {
            log.debug("Link cache: ignored notification {}", payload);
        }
    }

    /** A broken connection must not go back to the pool (its failure happened behind the pool's back). */
    private void evict() {
        Connection c = connection;
        try {
            if (c != null && dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
                dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).evictConnection(c);
                connection = null;
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("Link cache: evicting the notification connection: {}", e.getMessage());
        }
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        skipUntil = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException | RuntimeException e) {
                log.debug("Link cache: closing the notification connection: {}", e.getMessage());
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
