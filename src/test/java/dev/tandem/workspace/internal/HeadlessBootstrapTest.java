package dev.tandem.workspace.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadlessBootstrapTest extends IntegrationTest {

    private static final String EMAIL = "ops@example.test";
    private static final String PASSWORD = "the ops password";
    private static final String ALPHANUMERICS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    HeadlessBootstrap bootstrap;

    @BeforeEach
    void freshInstall() {
        resetDatabase();
    }

    @Test
    void bootstrapCreatesTheWorkspaceItsOwnerAndTheApiKey() {
        String key = newKey();

        boolean created = bootstrap.bootstrap(new HeadlessBootstrap.Settings(EMAIL, PASSWORD, "Ops", key));

        assertThat(created).isTrue();
        assertThat(jdbc.sql("select name from workspace").query(String.class).list()).containsExactly("Ops");
        assertThat(jdbc.sql("select role from staff_user where email = ?").param(EMAIL).query(String.class).single())
                .isEqualTo("owner");

        WebClient browser = browser();
        assertThat(browser.login(EMAIL, PASSWORD).location()).endsWith("/admin");
        WebClient.Page home = browser.get("/admin");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Ops");

        var workspace = api(key).get("/api/v1/workspace");
        assertThat(workspace.status()).isEqualTo(200);
        assertThat(workspace.json().get("name").asString()).isEqualTo("Ops");
    }

    @Test
    void bootstrapAcceptsTheEmailInAnyCaseAndSignsInWithItLowercased() {
        bootstrap.bootstrap(new HeadlessBootstrap.Settings("Ops@Example.TEST", PASSWORD, "Ops", null));

        assertThat(browser().login(EMAIL, PASSWORD).location()).endsWith("/admin");
    }

    @Test
    void aSecondBootstrapChangesNothing() {
        String firstKey = newKey();
        bootstrap.bootstrap(new HeadlessBootstrap.Settings(EMAIL, PASSWORD, "Ops", firstKey));
        String secondKey = newKey();

        boolean again = bootstrap.bootstrap(
                new HeadlessBootstrap.Settings(EMAIL, "a different password", "Other", secondKey));

        assertThat(again).isFalse();
        assertThat(jdbc.sql("select name from workspace").query(String.class).list()).containsExactly("Ops");
        assertThat(jdbc.sql("select count(*) from staff_user").query(Long.class).single()).isEqualTo(1);
        assertThat(browser().login(EMAIL, PASSWORD).location()).endsWith("/admin");
        assertThat(browser().login(EMAIL, "a different password").location()).isEqualTo("/login?error");
        assertThat(api(firstKey).get("/api/v1/workspace").status()).isEqualTo(200);
        assertThat(api(secondKey).get("/api/v1/workspace").status()).isEqualTo(401);
    }

    @Test
    void twoNodesBootstrappingAtOnceCreateOneWorkspaceAndNeitherFailsToStart() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Callable<Boolean> node = () -> {
            go.await();
            return bootstrap.bootstrap(new HeadlessBootstrap.Settings(EMAIL, PASSWORD, "Ops", null));
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> started = List.of(nodes.submit(node), nodes.submit(node));
            go.countDown();

            int created = 0;
            for (Future<Boolean> result : started) {
                // a node that lost the race logs "Bootstrap skipped" and starts normally: no exception
                created += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(jdbc.sql("select name from workspace").query(String.class).list()).containsExactly("Ops");
        assertThat(browser().login(EMAIL, PASSWORD).location()).endsWith("/admin");
    }

    @Test
    void aMalformedApiKeyIsRefusedByNameAndNothingIsCreated() {
        assertThatThrownBy(() -> bootstrap.bootstrap(new HeadlessBootstrap.Settings(EMAIL, PASSWORD, "Ops", "abc")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TANDEM_BOOTSTRAP_API_KEY");

        assertThat(jdbc.sql("select count(*) from workspace").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from staff_user").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from api_key").query(Long.class).single()).isZero();
        assertThat(browser().get("/login").location()).as("Tandem still waits for setup").endsWith("/setup");
    }

    @Test
    void aTooShortPasswordIsRefusedAndNothingIsCreated() {
        assertThatThrownBy(() -> bootstrap.bootstrap(new HeadlessBootstrap.Settings(EMAIL, "short", "Ops", newKey())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("password");

        assertThat(jdbc.sql("select count(*) from workspace").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from staff_user").query(Long.class).single()).isZero();
    }

    @Test
    void aBlankEmailMeansNoBootstrap() {
        assertThat(bootstrap.bootstrap(new HeadlessBootstrap.Settings("  ", PASSWORD, "Ops", newKey()))).isFalse();
        assertThat(bootstrap.bootstrap(new HeadlessBootstrap.Settings(null, PASSWORD, "Ops", null))).isFalse();

        assertThat(jdbc.sql("select count(*) from workspace").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from api_key").query(Long.class).single()).isZero();
        assertThat(browser().get("/login").location()).endsWith("/setup");
    }

    private static String newKey() {
        StringBuilder key = new StringBuilder("tnd_sk_");
        for (int i = 0; i < 40; i++) {
            key.append(ALPHANUMERICS.charAt(RANDOM.nextInt(ALPHANUMERICS.length())));
        }
        return key.toString();
    }
}
