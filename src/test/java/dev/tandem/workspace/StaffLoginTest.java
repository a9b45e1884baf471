package dev.tandem.workspace;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class StaffLoginTest extends IntegrationTest {

    private static final String FAILED = "That email and password do not match an active account.";

    @Autowired
    Fixtures fixtures;

    private Fixtures.Tenant acme;

    @BeforeEach
    void workspaceWithOwner() {
        resetDatabase();
        acme = fixtures.tenant("Acme");
    }

    @Test
    void aWrongPasswordSendsBackToTheLoginPageWhichSaysSignInFailed() {
        WebClient browser = browser();

        WebClient.Page attempt = browser.login(acme.ownerEmail(), "not the password at all");

        assertThat(attempt.location()).isEqualTo("/login?error");
        WebClient.Page page = browser.get(attempt.location());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(FAILED);
        assertThat(browser.get("/admin").location()).endsWith("/login");
    }

    @Test
    void anUnknownEmailFailsTheSameWayAsAWrongPassword() {
        WebClient browser = browser();

        assertThat(browser.login("nobody@acme.test", Fixtures.PASSWORD).location()).isEqualTo("/login?error");
        assertThat(browser.get("/login?error").body()).contains(FAILED);
    }

    @Test
    void theAdminConsoleSendsVisitorsWhoAreNotSignedInToTheLoginPage() {
        WebClient browser = browser();

        assertThat(browser.get("/admin").location()).endsWith("/login");
        assertThat(browser.get("/admin/team").location()).endsWith("/login");
        assertThat(browser.get("/admin/account").location()).endsWith("/login");
    }

    @Test
    void theRightPasswordSignsInAndOpensTheDashboard() {
        WebClient browser = browser();

        assertThat(browser.login(acme.ownerEmail(), Fixtures.PASSWORD).location()).endsWith("/admin");
        WebClient.Page home = browser.get("/admin");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Welcome, Acme Owner");
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefusedAndChangesNothing() {
        WebClient owner = browser();
        owner.login(acme.ownerEmail(), Fixtures.PASSWORD);
        owner.get("/admin/team");

        WebClient.Page forged = owner.postRaw("/admin/team", Map.of("name", "Mallory", "email", "mallory@evil.test",
                "role", "ADMIN", "password", "a long enough password"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from staff_user where email = 'mallory@evil.test'").query(Long.class)
                .single()).isZero();
        assertThat(owner.get("/admin/team").body()).doesNotContain("mallory@evil.test");
    }

    @Test
    void aLoginPostWithoutCsrfTokenDoesNotSignIn() {
        WebClient browser = browser();
        browser.get("/login");

        WebClient.Page forged = browser.postRaw("/login",
                Map.of("username", acme.ownerEmail(), "password", Fixtures.PASSWORD));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.get("/admin").location()).endsWith("/login");
    }

    @Test
    void signingOutEndsTheSession() {
        WebClient browser = browser();
        browser.login(acme.ownerEmail(), Fixtures.PASSWORD);
        assertThat(browser.get("/admin").status()).isEqualTo(200);

        WebClient.Page out = browser.post("/logout", Map.of());

        assertThat(out.location()).isEqualTo("/login?logout");
        assertThat(browser.get("/login?logout").body()).contains("You have signed out.");
        assertThat(browser.get("/admin").location()).endsWith("/login");
    }

    @Test
    void aDeactivatedStaffMemberCannotSignIn() {
        String email = "leaver-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        WebClient owner = browser();
        owner.login(acme.ownerEmail(), Fixtures.PASSWORD);
        owner.get("/admin/team");
        owner.post("/admin/team", Map.of("name", "Lee Leaver", "email", email, "role", "MANAGER",
                "password", "the leaver's password"));
        assertThat(browser().login(email, "the leaver's password").location()).endsWith("/admin");

        String id = new StaffUserId(jdbc.sql("select id from staff_user where email = ?").param(email)
                .query(UUID.class).single()).toString();
        owner.get("/admin/team");
        assertThat(owner.post("/admin/team/" + id + "/deactivate", Map.of()).location()).isEqualTo("/admin/team");
        assertThat(owner.get("/admin/team").body()).contains("Team member deactivated.");

        WebClient leaver = browser();
        assertThat(leaver.login(email, "the leaver's password").location()).isEqualTo("/login?error");
        assertThat(leaver.get("/login?error").body()).contains(FAILED);
        assertThat(leaver.get("/admin").location()).endsWith("/login");
    }

    @Test
    void theSessionCookieIsHiddenFromScripts() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;

        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        String form = "username=" + enc(acme.ownerEmail()) + "&password=" + enc(Fixtures.PASSWORD) + "&_csrf="
                + enc(token.group(1));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));

        List<String> sessionCookies = new ArrayList<>();
        for (HttpResponse<String> response : List.of(loginPage, signedIn)) {
            response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("TANDEM_SESSION="))
                    .forEach(sessionCookies::add);
        }
        assertThat(sessionCookies).as("Set-Cookie headers of the session").isNotEmpty();
        assertThat(sessionCookies).allSatisfy(cookie -> {
            assertThat(cookie).containsIgnoringCase("; HttpOnly");
            assertThat(cookie).containsIgnoringCase("SameSite=Lax");
        });
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theEleventhSignInAttemptWithinFifteenMinutesIsTurnedAway() {
        WebClient guesser = browser();
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(guesser.login("nobody@example.test", "guess number " + attempt).location())
                    .as("attempt %d", attempt).endsWith("/login?error");
        }

        WebClient.Page eleventh = guesser.login("nobody@example.test", "guess number 11");

        assertThat(eleventh.location()).endsWith("/login?tooMany");
        assertThat(guesser.get("/login?tooMany").body()).contains("Too many sign-in attempts");
    }
}
