package dev.tandem.core.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started from the binaries shipped as a Maven artifact, with its files in
 * {@code dataDir/postgres} so they survive restarts. One server per data directory and JVM:
 * Spring contexts that share a directory (test contexts, typically) share the server, which
 * stops when the last of them closes.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "tandem";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedDatabase> RUNNING = new HashMap<>();
    private static final Pattern SIZE = Pattern.compile("[1-9]\\d*(MB|GB|TB)");

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private int users;

    private EmbeddedDatabase(Path dataDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /** Starts the server for this directory, or joins the one this JVM already runs there. */
    static synchronized EmbeddedDatabase acquire(Path dataDir, boolean clean, String sharedBuffers) {
        Path dir = dataDir.toAbsolutePath().normalize();
        String buffers = sharedBuffers == null || sharedBuffers.isBlank() ? defaultSharedBuffers() : sharedBuffers.strip();
        if (!SIZE.matcher(buffers).matches()) {
            throw new IllegalArgumentException("TANDEM_EMBEDDED_SHARED_BUFFERS is '" + buffers
                    + "': it must be a size such as 512MB or 2GB (a number followed by MB, GB or TB, without a space)");
        }
        EmbeddedDatabase db = RUNNING.computeIfAbsent(dir, d -> start(d, clean, buffers));
        db.users++;
        return db;
    }

    /**
     * PostgreSQL's own default, 128MB, is its cache for every table and index. The intake's tables
     * outgrow it within minutes at full rate, and from then on each insert evicts pages and writes
     * them out itself: CPU per stored event fell from 1.13 to 0.97 ms with 1GB (bench/events.sh). An
     * eighth of the machine's memory, at most 1GB and at least PostgreSQL's 128MB; PostgreSQL takes
     * the memory only as it fills it.
     */
    static String defaultSharedBuffers() {
        long ram = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        long mb = Math.max(128, Math.min(1024, ram / 8 / (1024 * 1024)));
        return mb + "MB";
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    String user() {
        return "postgres";
    }

    @Override
    public void close() {
        synchronized (EmbeddedDatabase.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(dataDir);
        }
        try {
            postgres.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
        }
    }

    private static EmbeddedDatabase start(Path dir, boolean clean, String sharedBuffers) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve("tandem.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(dir);
            }
            try {
                Path pgData = dir.resolve("postgres");
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(pgData)
                        .setCleanDataDirectory(clean)
                        .setPGStartupWait(Duration.ofSeconds(30))
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("shared_buffers", sharedBuffers)
                        .setLocaleConfig("locale", "C.UTF-8");
                EmbeddedPostgres postgres = builder.start();
                createDatabaseIfMissing(postgres);
                log.info("Embedded PostgreSQL on port {} with data in {} and {} of shared buffers (ready in {} ms)",
                        postgres.getPort(), pgData, sharedBuffers,
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                return new EmbeddedDatabase(dir, channel, lock, postgres);
            } catch (IOException | RuntimeException failed) {
                // the directory is free again for a next attempt, in this JVM or another
                lock.release();
                channel.close();
                throw failed;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the database " + DATABASE + ": " + e.getMessage(), e);
        }
    }
}
