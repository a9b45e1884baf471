package dev.tandem.tracking.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only files of clicks the database could not take (queue full, database down), one COPY
 * line per click. A file moves through three names: {@code <base>.open} while its writer appends
 * to it, {@code <base>.tsv} when ready to replay, {@code <base>.<claimer>.replaying} while one
 * writer replays it; it is deleted once its rows are in the database. Files whose writer is gone
 * (a crash) are made ready again at start.
 */
public final class ClickSpill {

    private static final Logger log = LoggerFactory.getLogger(ClickSpill.class);
    /** Writers alive in this JVM: their open and claimed files are not orphans. */
    private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path dir;
    private final String owner = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private OutputStream current;
    private Path currentPath;
    private volatile boolean pending;

    public ClickSpill(Path dir) {
        this.dir = dir;
        LIVE.add(owner);
        recoverOrphans();
    }

    public Path dir() {
        return dir;
    }

    /** Appends whole click lines ({@link Click#copyLine()}) to the open file; they reach the operating system before this returns. */
    public synchronized void append(byte[] lines, int length) throws IOException {
        if (length == 0) {
            return;
        }
        if (current == null) {
            Files.createDirectories(dir);
            currentPath = dir.resolve("clicks-" + System.currentTimeMillis() + "-" + SEQUENCE.incrementAndGet() + "-"
                    + owner + ".open");
            current = new java.io.BufferedOutputStream(
                    Files.newOutputStream(currentPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.APPEND), 1 << 16);
        }
        current.write(lines, 0, length);
        current.flush();
        pending = true;
    }

    /** Closes the open file (if any) and marks it ready; later clicks go to a new file. */
    public synchronized void rotate() throws IOException {
        if (current == null) {
            return;
        }
        current.close();
        current = null;
        Path ready = dir.resolve(currentPath.getFileName().toString().replace(".open", ".tsv"));
        Files.move(currentPath, ready, StandardCopyOption.ATOMIC_MOVE);
        currentPath = null;
    }

    /** Whether anything may be waiting to be replayed (cheap: no directory listing). */
    public boolean pending() {
        return pending;
    }

    /** Ready files, oldest first. */
    public List<Path> ready() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            pending = false;
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.tsv")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        synchronized (this) {
            pending = !files.isEmpty() || current != null;
        }
        return files;
    }

    /** Takes a ready file for replay; null when another writer took it first. */
    public Path claim(Path ready) throws IOException {
        Path claimed = dir.resolve(ready.getFileName().toString().replace(".tsv", "." + owner + ".replaying"));
        try {
            Files.move(ready, claimed, StandardCopyOption.ATOMIC_MOVE);
            return claimed;
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    /** The claimed file's rows are in the database. */
    public void done(Path claimed) throws IOException {
        Files.deleteIfExists(claimed);
    }

    /** The replay failed: the file is ready again for a later try. */
    public void release(Path claimed) throws IOException {
        Files.move(claimed, readyName(claimed), StandardCopyOption.ATOMIC_MOVE);
        pending = true;
    }

    /** The file holds lines the database refuses: kept aside, under a name no replay picks up, for a person to look at. */
    public Path reject(Path claimed) throws IOException {
        Path bad = dir.resolve(claimed.getFileName().toString().replace(".replaying", ".rejected"));
        Files.move(claimed, bad, StandardCopyOption.ATOMIC_MOVE);
        return bad;
    }

    /** Closes the open file, leaving it ready for the next start. */
    public synchronized void close() {
        try {
            rotate();
        } catch (IOException e) {
            log.error("Click spill: could not close {}: {}", currentPath, e.getMessage());
        }
        LIVE.remove(owner);
    }

    /** Receives a spill file's lines, a chunk at a time. */
    public interface Lines {
        void accept(byte[] bytes, int offset, int length) throws java.sql.SQLException;
    }

    /**
     * Streams the whole lines of a spill file that have every column to {@code sink}, a few megabytes
     * at a time (a spill file after a long outage can be large): a crash can leave the last line cut
     * short, and one bad line would make PostgreSQL refuse the whole file.
     */
    static void readLines(Path file, Lines sink) throws IOException, java.sql.SQLException {
        byte[] chunk = new byte[4 << 20];
        int filled = 0;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(chunk, filled, chunk.length - filled)) >= 0) {
                filled += read;
                int rest = passWholeLines(chunk, filled, sink);
                if (rest == chunk.length) {
                    chunk = java.util.Arrays.copyOf(chunk, chunk.length * 2);
                }
                System.arraycopy(chunk, filled - rest, chunk, 0, rest);
                filled = rest;
            }
        }
        if (filled > 0) {
            log.warn("Click spill: skipped a last line cut short in {}", file.getFileName());
        }
    }

    /** Passes the valid whole lines of the first {@code length} bytes on; answers how many bytes of an unfinished line remain. */
    private static int passWholeLines(byte[] chunk, int length, Lines sink) throws java.sql.SQLException {
        int start = 0;
        int run = 0;
        int tabs = 0;
        for (int i = 0; i < length; i++) {
            if (chunk[i] == '\t') {
                tabs++;
            } else if (chunk[i] == '\n') {
                if (tabs != Click.COLUMN_COUNT - 1) {
                    log.error("Click spill: skipped a malformed line ({} columns)", tabs + 1);
                    if (start > run) {
                        sink.accept(chunk, run, start - run);
                    }
                    run = i + 1;
                }
                start = i + 1;
                tabs = 0;
            }
        }
        if (start > run) {
            sink.accept(chunk, run, start - run);
        }
        return length - start;
    }

    private void recoverOrphans() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "clicks-*")) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                boolean open = name.endsWith(".open");
                boolean replaying = name.endsWith(".replaying");
                if ((open || replaying) && !LIVE.contains(ownerOf(name))) {
                    Files.move(file, readyName(file), StandardCopyOption.ATOMIC_MOVE);
                    pending = true;
                    log.info("Click spill: {} left by an earlier run will be replayed", name);
                } else if (name.endsWith(".tsv")) {
                    pending = true;
                }
            }
        } catch (IOException e) {
            log.error("Click spill: could not read {}: {}", dir, e.getMessage());
        }
    }

    /** {@code clicks-<millis>-<seq>-<writer>.open} or {@code clicks-<millis>-<seq>-<writer>.<claimer>.replaying}. */
    private static String ownerOf(String name) {
        String[] parts = name.split("\\.");
        if (name.endsWith(".replaying") && parts.length == 3) {
            return parts[1];
        }
        String base = parts[0];
        return base.substring(base.lastIndexOf('-') + 1);
    }

    private Path readyName(Path file) {
        String base = file.getFileName().toString().split("\\.")[0];
        return dir.resolve(base + ".tsv");
    }
}
