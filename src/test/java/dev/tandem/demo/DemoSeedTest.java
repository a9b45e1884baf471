package dev.tandem.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import dev.tandem.ledger.Ledger;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Tandem started with {@code tandem.demo=true} on an empty database of its own (its own data
 * directory, so it never shares one with the other tests' Tandem) holds the whole demo: both
 * programs, partners in many statuses, clicks, commissions in every status, a paid payout run,
 * balanced books, and an owner who can sign in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoSeedTest {

    private static final Path DATA_DIR = createDataDir();
    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    DemoRunner runner;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("tandem.demo", () -> "true");
        registry.add("tandem.payout.scheduled-runs", () -> "false");
        registry.add("tandem.database.url", () -> "");
        registry.add("tandem.database.data-dir", DATA_DIR::toString);
        registry.add("tandem.database.clean-data-dir", () -> "true");
        registry.add("tandem.bootstrap.email", () -> "");
    }

    @Test
    void aFreshTandemStartedAsDemoHoldsNorthwindWithItsWholeStory() {
        UUID workspace = jdbc.sql("select id from workspace where name = 'Northwind Demo'").query(UUID.class).single();
        assertThat(jdbc.sql("select name from program where workspace_id = ? order by name").param(workspace)
                .query(String.class).list()).containsExactly("Northwind Affiliates", "Northwind Partners");
        assertThat(jdbc.sql("select distinct status from enrollment where workspace_id = ?").param(workspace)
                .query(String.class).list()).hasSizeGreaterThanOrEqualTo(4)
                .contains("pending", "approved", "rejected", "suspended");
        assertThat(jdbc.sql("select count(*) from click where workspace_id = ?").param(workspace).query(Long.class)
                .single()).isGreaterThan(1000);
        assertThat(jdbc.sql("select distinct status from commission where workspace_id = ?").param(workspace)
                .query(String.class).list()).hasSizeGreaterThanOrEqualTo(5)
                .contains("pending", "approved", "paid", "reversed", "hold", "rejected");
        assertThat(jdbc.sql("select count(*) from payout_run where workspace_id = ?").param(workspace).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from payout where workspace_id = ? and status = 'paid'").param(workspace)
                .query(Long.class).single()).isPositive();
        assertThat(ledger.trialBalance(new WorkspaceId(workspace))).as("postings per currency")
                .containsOnlyKeys(java.util.Currency.getInstance("EUR"), java.util.Currency.getInstance("USD"))
                .allSatisfy((currency, total) -> assertThat(total).as(currency.getCurrencyCode()).isZero());
    }

    @Test
    void aTandemThatHasAWorkspaceIsLeftAloneByTheDemoFlag() {
        long before = jdbc.sql("select count(*) from partner").query(Long.class).single();

        runner.run(new DefaultApplicationArguments("--demo"));

        assertThat(jdbc.sql("select count(*) from workspace").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from partner").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theDemoOwnerSignsInWithTheLoggedPassword() {
        WebClient browser = new WebClient("http://localhost:" + port);
        assertThat(browser.login(DemoSeeder.OWNER_EMAIL, DemoSeeder.OWNER_PASSWORD).location()).endsWith("/admin");
        WebClient.Page admin = browser.get("/admin");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body()).contains("Dana Demo");
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("tandem-demo-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
