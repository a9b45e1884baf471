package dev.tandem.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.tandem.web.StaffLoginLimiter;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that need the running application: one embedded PostgreSQL per test JVM
 * (a fresh data directory, deleted afterwards) and the web server on a random port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private StaffLoginLimiter staffLoginLimiter;

    /** Every test signs in as often as it needs: the sign-in limit is tested on its own. */
    @BeforeEach
    void startWithinTheSignInLimit() {
        staffLoginLimiter.clear();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // scheduled payout runs are driven by the tests on their own clock (ScheduledRuns.runDue), never behind them
        registry.add("tandem.payout.scheduled-runs", () -> "false");
        registry.add("tandem.database.url", () -> "");
        registry.add("tandem.database.data-dir", DATA_DIR::toString);
        registry.add("tandem.database.clean-data-dir", () -> "true");
        registry.add("tandem.bootstrap.email", () -> "");
        // the redirect's own listener on a free port, so the redirect tests can run against it as well as Tomcat
        registry.add("tandem.redirect.port", () -> "0");
    }

    /** A browser-like client (cookies, CSRF tokens from forms) for this server. */
    protected WebClient browser() {
        return new WebClient("http://localhost:" + port);
    }

    /** An API client for this server, sending the key as a Bearer token. */
    protected ApiClient api(String key) {
        return new ApiClient("http://localhost:" + port, key);
    }

    /** An API client for another port of this application (the Netty listener's, tandem.redirect.port). */
    protected ApiClient api(String key, int otherPort) {
        return new ApiClient("http://localhost:" + otherPort, key);
    }

    /** Empties every table, for tests that need a Tandem nobody has set up yet. */
    protected void resetDatabase() {
        jdbc.sql("truncate workspace, staff_user, api_key, audit_event, spring_session, spring_session_attributes cascade")
                .update();
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("tandem-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
