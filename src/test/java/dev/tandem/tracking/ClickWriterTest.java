package dev.tandem.tracking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.tandem.core.Ids;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.tracking.internal.Click;
import dev.tandem.tracking.internal.ClickPartitions;
import dev.tandem.tracking.internal.ClickSpill;
import dev.tandem.tracking.internal.ClickWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The click writer on its own: COPY batches, the spill file when the database is away, replay exactly once, flush at stop. */
class ClickWriterTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;

    @TempDir
    Path spillDir;

    /** The application's database, until the test pulls the plug. */
    static final class Unplugged extends DelegatingDataSource {
        volatile boolean down;

        Unplugged(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLTransientConnectionException("database unplugged by the test");
            }
            return super.getConnection();
        }
    }

    @Test
    void clicksAreStoredInBatches() {
        ClickWriter writer = writer(dataSource);
        writer.start();
        UUID link = UUID.randomUUID();
        try {
            clicks(link, 2_000).forEach(writer::record);
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(link) == 2_000);
            assertThat(writer.spilled()).isZero();
            var row = jdbc.sql("select * from click where link_id = ? limit 1").param(link).query().singleRow();
            assertThat(row).containsEntry("user_agent", "Agent\twith tab \\ and\nnewline 😀")
                    .containsEntry("sub1", "a").containsEntry("sub2", null).containsEntry("sub5", "é€")
                    .containsEntry("referrer", null).containsEntry("is_bot", false);
            assertThat((byte[]) row.get("visitor_hash")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, -1);
        } finally {
            writer.stop();
        }
    }

    @Test
    void whenTheDatabaseIsDownClicksAreSpilledAndLaterReplayedExactlyOnce() throws IOException {
        Unplugged database = new Unplugged(dataSource);
        ClickWriter writer = writer(database);
        writer.start();
        UUID link = UUID.randomUUID();
        try {
            database.down = true;
            clicks(link, 300).forEach(writer::record);
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.spilled() == 300);
            assertThat(stored(link)).isZero();
            assertThat(spillLines()).isEqualTo(300);
            Path copy = Files.createTempFile("spill-copy", ".tsv");
            Files.copy(onlySpillFile(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            database.down = false;
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(link) == 300 && spillFiles().isEmpty());
            assertThat(writer.replayed()).isEqualTo(300);

            // the same file once more (a crash between commit and delete): nothing is stored twice
            Files.copy(copy, spillDir.resolve("clicks-1-1-again.tsv"));
            ClickWriter again = new ClickWriter(dataSource, new ClickSpill(spillDir), null, 10, Duration.ofMillis(50));
            again.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> spillFiles().isEmpty());
            again.stop();
            assertThat(stored(link)).isEqualTo(300);
            assertThat(again.replayed()).isZero();
        } finally {
            writer.stop();
        }
    }

    @Test
    void aSpillFileWithABrokenLineAndALastLineCutShortStillReplaysEveryWholeClick() throws IOException {
        UUID link = UUID.randomUUID();
        StringBuilder content = new StringBuilder();
        List<Click> clicks = clicks(link, 3);
        content.append(new String(clicks.get(0).copyLine(), java.nio.charset.StandardCharsets.UTF_8));
        content.append("not\ta\tclick\n");
        content.append(new String(clicks.get(1).copyLine(), java.nio.charset.StandardCharsets.UTF_8));
        String last = new String(clicks.get(2).copyLine(), java.nio.charset.StandardCharsets.UTF_8);
        content.append(last, 0, last.length() / 2);
        Files.writeString(spillDir.resolve("clicks-1-1-crashed.tsv"), content);

        ClickWriter writer = writer(dataSource);
        writer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> spillFiles().isEmpty());
            assertThat(stored(link)).isEqualTo(2);
        } finally {
            writer.stop();
        }
    }

    @Test
    void aFullQueueSpillsInsteadOfWaitingOrDropping() {
        ClickWriter writer = new ClickWriter(dataSource, new ClickSpill(spillDir), null, 10, Duration.ofMillis(100));
        UUID link = UUID.randomUUID();
        // not started: nothing takes clicks off the queue, so all of them go straight to the file
        clicks(link, 50).forEach(writer::record);

        assertThat(writer.spilled()).isEqualTo(50);
        writer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(link) == 50);
        } finally {
            writer.stop();
        }
    }

    @Test
    void stoppingWritesOutEverythingQueued() {
        ClickWriter writer = writer(dataSource);
        UUID link = UUID.randomUUID();
        writer.start();
        clicks(link, 20_000).forEach(writer::record);

        writer.stop();

        assertThat(stored(link) + writer.spilled()).isEqualTo(20_000);
        assertThat(stored(link)).isEqualTo(20_000);
    }

    @Test
    void stoppingWithTheDatabaseDownKeepsEverythingInTheSpillFile() throws IOException {
        Unplugged database = new Unplugged(dataSource);
        database.down = true;
        ClickWriter writer = writer(database);
        UUID link = UUID.randomUUID();
        writer.start();
        clicks(link, 1_000).forEach(writer::record);

        writer.stop();

        assertThat(writer.spilled()).isEqualTo(1_000);
        assertThat(spillLines()).isEqualTo(1_000);
        assertThat(spillFiles()).allMatch(f -> f.getFileName().toString().endsWith(".tsv"));
    }

    @Test
    void thisMonthAndTheNextTwoHaveTheirPartitions() {
        YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        // the application made them at start: take the furthest (still empty) away, so that ensure() has work to do
        YearMonth furthest = now.plusMonths(2);
        jdbc.sql(String.format("drop table if exists click_y%04dm%02d", furthest.getYear(), furthest.getMonthValue()))
                .update();

        new ClickPartitions(dataSource, clock).ensure();

        for (int i = 0; i <= 2; i++) {
            YearMonth month = now.plusMonths(i);
            String name = String.format("click_y%04dm%02d", month.getYear(), month.getMonthValue());
            assertThat(jdbc.sql("select to_regclass(?) is not null").param(name).query(Boolean.class).single())
                    .as(name).isTrue();
        }
    }

    private ClickWriter writer(DataSource database) {
        return new ClickWriter(database, new ClickSpill(spillDir), null, 100_000, Duration.ofMillis(200));
    }

    private List<Click> clicks(UUID link, int count) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID workspace = UUID.randomUUID();
        List<Click> clicks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            clicks.add(new Click(workspace, Ids.newId(), now, link, UUID.randomUUID(), UUID.randomUUID(), "token" + i,
                    new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, -1}, "Agent\twith tab \\ and\nnewline 😀",
                    null, new String[] {"a", null, null, null, "é€"},
                    new String[5], null, false, i % 2 == 0));
        }
        return clicks;
    }

    private long stored(UUID link) {
        return jdbc.sql("select count(*) from click where link_id = ?").param(link).query(Long.class).single();
    }

    private List<Path> spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(spillDir)) {
            return files.toList();
        }
    }

    private Path onlySpillFile() throws IOException {
        List<Path> files = spillFiles();
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    private long spillLines() throws IOException {
        long lines = 0;
        for (Path file : spillFiles()) {
            lines += Files.readAllLines(file).size();
        }
        return lines;
    }
}
