package dev.tandem.core.database;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import com.zaxxer.hikari.pool.HikariPool;
import dev.tandem.TandemApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What an operator sees when the database is missing or busy, and that the embedded one keeps its data. */
class EmbeddedDatabaseTest {

    @Test
    void aDataDirectoryInUseIsRefusedWithOneSentenceNamingIt(@TempDir Path dir) throws Exception {
        try (FileChannel channel = FileChannel.open(dir.resolve("tandem.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock held = channel.tryLock()) {
            assertThat(held).as("the test holds the lock").isNotNull();

            Throwable refused = catchThrowable(() -> EmbeddedDatabase.acquire(dir, true, null));

            assertThat(refused).isInstanceOf(DataDirectoryInUseException.class);
            FailureAnalysis analysis = new DataDirectoryFailureAnalyzer().analyze(refused);
            assertThat(analysis).isNotNull();
            String path = dir.toAbsolutePath().normalize().toString();
            assertThat(analysis.getDescription())
                    .isEqualTo("The data directory " + path + " is in use by another running Tandem.")
                    .doesNotContain("\n");
            assertThat(analysis.getAction()).contains("TANDEM_DATA_DIR");
            assertThat(dir.resolve("postgres")).as("nothing was started in the busy directory").doesNotExist();
        }
    }

    @Test
    void anUnreachableDatabaseStopsTandemWithAReadableReason(@TempDir Path dir) {
        // as an operator would pass them; SpringApplicationBuilder.properties(..) would only set defaults,
        // which application.yml's ${TANDEM_DATABASE_URL:} and ${PORT:8080} override
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(TandemApplication.class)
                .run("--tandem.database.url=jdbc:postgresql://127.0.0.1:1/none", "--server.port=0",
                        "--tandem.database.user=x", "--tandem.database.data-dir=" + dir, "--tandem.bootstrap.email=")
                .close());

        assertThat(failure).as("Tandem must not start without its database").isNotNull();
        assertThat(causeChainHas(failure, HikariPool.PoolInitializationException.class)).isTrue();
        FailureAnalysis analysis = new DatabaseFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("Tandem cannot reach its PostgreSQL database")
                .as("says why").containsIgnoringCase("refused").doesNotContain("\n");
        assertThat(analysis.getAction()).contains("TANDEM_DATABASE_URL");
    }

    @Test
    void dataSurvivesARestartOfTheEmbeddedDatabase(@TempDir Path dir) throws Exception {
        EmbeddedDatabase first = EmbeddedDatabase.acquire(dir, false, null);
        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), first.user(), null);
             Statement sql = c.createStatement()) {
            sql.execute("create table note (id int primary key, body text not null)");
            sql.execute("insert into note values (1, 'kept across restarts')");
        } finally {
            first.close();
        }
        assertThat(Files.exists(dir.resolve("postgres"))).as("the files live under the data directory").isTrue();

        EmbeddedDatabase second = EmbeddedDatabase.acquire(dir, false, null);
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), second.user(), null);
             Statement sql = c.createStatement();
             ResultSet rows = sql.executeQuery("select body from note where id = 1")) {
            assertThat(rows.next()).as("the row is still there").isTrue();
            assertThat(rows.getString("body")).isEqualTo("kept across restarts");
        } finally {
            second.close();
        }
    }

    @Test
    void aStoppedEmbeddedDatabaseFreesItsDirectoryForTheNextStart(@TempDir Path dir) {
        EmbeddedDatabase db = EmbeddedDatabase.acquire(dir, true, null);
        db.close();

        EmbeddedDatabase again = EmbeddedDatabase.acquire(dir, false, null);
        try {
            assertThat(again.jdbcUrl()).startsWith("jdbc:postgresql://");
        } finally {
            again.close();
        }
    }

    @Test
    void theCacheSizeIsTheOperatorsOrAnEighthOfTheMemoryUpTo1GB(@TempDir Path dir) throws Exception {
        assertThat(showSharedBuffers(dir, "256MB")).isEqualTo("256MB");

        String chosen = EmbeddedDatabase.defaultSharedBuffers();
        assertThat(Integer.parseInt(chosen.replace("MB", ""))).isBetween(128, 1024);
        assertThat(showSharedBuffers(dir, " ")).isEqualTo(chosen.equals("1024MB") ? "1GB" : chosen);
    }

    @Test
    void aCacheSizePostgresqlWouldNotTakeIsRefusedNamingTheSetting(@TempDir Path dir) {
        for (String size : new String[] {"a lot", "256 MB", "0MB", "512"}) {
            Throwable refused = catchThrowable(() -> EmbeddedDatabase.acquire(dir, true, size));

            assertThat(refused).as(size).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("TANDEM_EMBEDDED_SHARED_BUFFERS is '" + size + "': it must be a size such as 512MB"
                            + " or 2GB (a number followed by MB, GB or TB, without a space)");
        }
        assertThat(dir.resolve("postgres")).as("nothing was started").doesNotExist();
    }

    private static String showSharedBuffers(Path dir, String sharedBuffers) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.acquire(dir, false, sharedBuffers);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), null);
             Statement sql = c.createStatement();
             ResultSet rows = sql.executeQuery("show shared_buffers")) {
            rows.next();
            return rows.getString(1);
        } finally {
            db.close();
        }
    }

    private static boolean causeChainHas(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
