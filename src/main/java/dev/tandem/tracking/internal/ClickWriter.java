package dev.tandem.tracking.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Stores clicks without making the redirect wait: the redirect puts each click on a bounded
 * queue ({@link ClickQueue}); one thread takes them off in batches and writes each batch with a
 * single {@code COPY click FROM STDIN}. When the queue is full or the database fails, clicks go to
 * the spill files instead, and are replayed once the database answers again, through a temporary
 * table and {@code INSERT … ON CONFLICT DO NOTHING} on the primary key, so a file replayed twice
 * (a crash between commit and delete) stores nothing twice. Stopping (after the web server, before
 * the connection pool closes) writes out everything still queued. No click is dropped without an
 * error in the log.
 */
public class ClickWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClickWriter.class);
    /** At most this much goes into one COPY (about 6,000 clicks). */
    private static final int BATCH_BYTES = 2 << 20;
    /** A queued click line is about this long; the queue's capacity in clicks becomes bytes with it. */
    private static final int LINE_BYTES = 320;
    /** An idle writer looks at the queue this often: a click waits at most this long for others to share its COPY. */
    private static final long IDLE_MILLIS = 50;
    private static final String COPY = "copy click (" + Click.COLUMNS + ") from stdin";

    private final DataSource dataSource;
    private final ClickSpill spill;
    private final ClickPartitions partitions;
    private final ClickQueue queue;
    private final long retryNanos;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private volatile boolean accepting;
    private volatile boolean stopping;
    private Thread thread;
    /** Until when (System.nanoTime) to send batches straight to the spill file: the database just failed. */
    private long databaseRetryAt;
    private long nextReplayAt;
    private long nextPartitionCheckAt;

    /**
     * @param partitions null: leave partitions alone (tests of the writer alone)
     * @param capacity   about how many clicks may wait in memory (beyond, they are spilled)
     * @param retry      how long to leave a failed database alone before trying it again
     */
    public ClickWriter(DataSource dataSource, ClickSpill spill, ClickPartitions partitions, int capacity, Duration retry) {
        this.dataSource = dataSource;
        this.spill = spill;
        this.partitions = partitions;
        this.queue = new ClickQueue(capacity * LINE_BYTES);
        this.retryNanos = retry.toNanos();
    }

    /** Never blocks: queued, else appended to the spill file. */
    public void record(Click click) {
        byte[] line = click.copyLine();
        if (accepting && queue.offer(line)) {
            return;
        }
        try {
            spill.append(line, line.length);
            spilled.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            log.error("Click writer: a click was LOST, neither the queue nor the spill file {} took it: {}", spill.dir(),
                    e.getMessage());
        }
    }

    public long stored() {
        return stored.get();
    }

    public long spilled() {
        return spilled.get();
    }

    public long replayed() {
        return replayed.get();
    }

    public int queued() {
        return queue.size();
    }

    /** Before the web server (lower phase): started before the first redirect, stopped after the last. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public synchronized void start() {
        if (partitions != null) {
            partitions.ensure();
            nextPartitionCheckAt = System.nanoTime() + Duration.ofHours(1).toNanos();
        }
        stopping = false;
        accepting = true;
        thread = new Thread(this::run, "tandem-click-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes out what is queued (to the database, else to the spill file) and stops. */
    @Override
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        accepting = false;
        stopping = true;
        try {
            thread.join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // whatever the thread could not finish in time goes to disk
        ClickQueue.Batch rest = new ClickQueue.Batch();
        queue.drainTo(rest, Integer.MAX_VALUE);
        spill(rest);
        spill.close();
        thread = null;
        log.info("Click writer stopped: {} clicks stored, {} spilled, {} replayed", stored, spilled, replayed);
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        ClickQueue.Batch batch = new ClickQueue.Batch();
        while (true) {
            queue.drainTo(batch, BATCH_BYTES);
            if (batch.lines() > 0) {
                store(batch);
                batch.clear();
            } else if (stopping) {
                return;
            }
            housekeeping();
            if (queue.size() == 0 && !stopping) {
                // sleeping, not waiting on a condition: redirects never have to wake the writer
                try {
                    Thread.sleep(IDLE_MILLIS);
                } catch (InterruptedException e) {
                    stopping = true;
                }
            }
        }
    }

    private void store(ClickQueue.Batch batch) {
        long now = System.nanoTime();
        if (now - databaseRetryAt < 0) {
            spill(batch);
            return;
        }
        try {
            try (Connection c = dataSource.getConnection()) {
                copyIn(c, COPY, batch.bytes(), batch.length());
            }
            stored.addAndGet(batch.lines());
            databaseRetryAt = now;
        } catch (SQLException | RuntimeException e) {
            log.warn("Click writer: the database did not take {} clicks ({}); they go to {}", batch.lines(),
                    e.getMessage(), spill.dir());
            databaseRetryAt = now + retryNanos;
            nextReplayAt = databaseRetryAt;
            spill(batch);
        }
    }

    private static void copyIn(Connection c, String sql, byte[] lines, int length) throws SQLException {
        // one batch is at most a few megabytes: sent as one stream
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(lines, 0, length));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), "08000", e);
        }
    }

    private void spill(ClickQueue.Batch clicks) {
        if (clicks.lines() == 0) {
            return;
        }
        try {
            spill.append(clicks.bytes(), clicks.length());
            spilled.addAndGet(clicks.lines());
        } catch (IOException | RuntimeException e) {
            log.error("Click writer: {} clicks LOST, neither the database nor the spill file {} took them: {}",
                    clicks.lines(), spill.dir(), e.getMessage());
        }
    }

    /** When idle: replay spill files once the database is back, and keep partitions ahead. */
    private void housekeeping() {
        long now = System.nanoTime();
        if (partitions != null && now - nextPartitionCheckAt >= 0) {
            partitions.ensure();
            nextPartitionCheckAt = now + Duration.ofHours(1).toNanos();
        }
        if (spill.pending() && now - nextReplayAt >= 0) {
            nextReplayAt = now + retryNanos;
            replaySpill();
        }
    }

    /** Replays every ready spill file; stops at the first that fails (the database is still away). */
    void replaySpill() {
        try {
            spill.rotate();
            for (Path ready : spill.ready()) {
                Path claimed = spill.claim(ready);
                if (claimed != null && !replay(claimed)) {
                    return;
                }
            }
        } catch (IOException e) {
            log.error("Click writer: could not read the spill files in {}: {}", spill.dir(), e.getMessage());
        }
    }

    private boolean replay(Path claimed) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table click_replay (like click) on commit drop");
                CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy click_replay (" + Click.COLUMNS + ") from stdin");
                try {
                    ClickSpill.readLines(claimed, copy::writeToCopy);
                    copy.endCopy();
                } finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
                int added = s.executeUpdate("insert into click (" + Click.COLUMNS + ") select " + Click.COLUMNS
                        + " from click_replay on conflict do nothing");
                c.commit();
                replayed.addAndGet(added);
                log.info("Click writer: replayed {} ({} clicks added)", claimed.getFileName(), added);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            spill.done(claimed);
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && (e.getSQLState().startsWith("22") || e.getSQLState().startsWith("23"))) {
                log.error("Click writer: the database refuses the clicks in {} ({}); kept as {}", claimed.getFileName(),
                        e.getMessage(), spill.reject(claimed).getFileName());
                return true;
            }
            log.warn("Click writer: could not replay {} yet: {}", claimed.getFileName(), e.getMessage());
            spill.release(claimed);
            return false;
        } catch (IOException e) {
            log.error("Click writer: could not read {}: {}", claimed.getFileName(), e.getMessage());
            spill.release(claimed);
            return false;
        }
    }
}
