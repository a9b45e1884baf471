package dev.tandem.workspace;

import java.util.Map;

import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirstRunSetupTest extends IntegrationTest {

    @BeforeEach
    void freshInstall() {
        resetDatabase();
    }

    @Test
    void aNewInstallSendsVisitorsToSetup() {
        WebClient browser = browser();
        assertThat(browser.get("/").location()).isEqualTo("/admin");
        assertThat(browser.get("/admin").location()).endsWith("/login");
        assertThat(browser.get("/login").location()).endsWith("/setup");
        assertThat(browser.get("/setup").status()).isEqualTo(200);
    }

    @Test
    void setupCreatesTheWorkspaceAndItsOwnerWhoCanThenSignIn() {
        WebClient browser = browser();
        browser.get("/setup");
        WebClient.Page done = browser.post("/setup", Map.of("workspaceName", "Acme", "ownerName", "Ana Ruiz",
                "email", "Ana@Acme.test", "password", "a long enough password"));

        assertThat(done.location()).isEqualTo("/login?setup");
        assertThat(browser.login("ana@acme.test", "a long enough password").location()).endsWith("/admin");
        WebClient.Page home = browser.get("/admin");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Welcome, Ana Ruiz").contains("Acme");
        assertThat(jdbc.sql("select role from staff_user where email = 'ana@acme.test'").query(String.class).single())
                .isEqualTo("owner");
    }

    @Test
    void setupNamesEachInvalidFieldAndStoresNothing() {
        WebClient browser = browser();
        browser.get("/setup");
        WebClient.Page page = browser.post("/setup",
                Map.of("workspaceName", "", "ownerName", "Ana", "email", "not-an-email", "password", "short"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Workspace name is required")
                .contains("Your email must be an email address");
        WebClient.Page second = browser.post("/setup",
                Map.of("workspaceName", "Acme", "ownerName", "Ana", "email", "ana@acme.test", "password", "short"));
        assertThat(second.body()).contains("Password needs at least 12 characters");
        assertThat(jdbc.sql("select count(*) from workspace").query(Long.class).single()).isZero();
    }

    @Test
    void setupIsRefusedOnceAnOwnerExists() {
        WebClient first = browser();
        first.get("/setup");
        first.post("/setup", Map.of("workspaceName", "Acme", "ownerName", "Ana", "email", "ana@acme.test",
                "password", "a long enough password"));

        WebClient intruder = browser();
        assertThat(intruder.get("/setup").status()).isEqualTo(404);
        WebClient.Page attempt = intruder.post("/setup", Map.of("workspaceName", "Evil", "ownerName", "Eve",
                "email", "eve@evil.test", "password", "a long enough password"));
        assertThat(attempt.status()).isIn(403, 404);
        assertThat(jdbc.sql("select count(*) from staff_user").query(Long.class).single()).isEqualTo(1);
        assertThat(intruder.get("/login").status()).isEqualTo(200);
    }
}
