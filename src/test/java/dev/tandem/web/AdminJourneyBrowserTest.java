package dev.tandem.web;

import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.Browsers;
import dev.tandem.testing.Chromium;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin console's first journey in a real Chromium: setting Tandem up, signing in, creating
 * and revoking API keys, choosing a language, and using the console on a phone. Every test also
 * fails on console errors (a Content Security Policy violation shows up there) and script errors.
 * <p>
 * Screenshots of the dashboard are written when the system property {@code tandem.screenshots}
 * names a folder, e.g. {@code -Dtandem.screenshots=/tmp/shots}.
 */
class AdminJourneyBrowserTest extends IntegrationTest {

    private static final String PASSWORD = "a long enough password";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @Autowired
    Fixtures fixtures;

    @BeforeEach
    void freshInstall() {
        resetDatabase();
    }

    @Test
    void newOwnerSetsUpSignsInAndCreatesAnApiKey() {
        Page page = open(new Browser.NewContextOptions().setViewportSize(1280, 800));

        page.navigate("/");
        assertThat(page).hasURL(url("/setup"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Set up Tandem"))).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workspace")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Please correct the highlighted fields.");
        assertThat(errorNextTo(page, "workspaceName")).hasText("Workspace name is required");
        assertThat(errorNextTo(page, "ownerName")).hasText("Your name is required");
        assertThat(errorNextTo(page, "email")).hasText("Your email is required");
        assertThat(errorNextTo(page, "password")).hasText("Password is required");
        assertThat(count("workspace")).isZero();
        assertThat(count("staff_user")).isZero();

        page.getByLabel("Workspace name").fill("Acme");
        page.getByLabel("Your name").fill("Ana Ruiz");
        page.getByLabel("Your email").fill("ana@acme.test");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workspace")).click();

        assertThat(page).hasURL(url("/login?setup"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your workspace is ready.");
        signIn(page, "ana@acme.test", PASSWORD, "Sign in");

        // back to the page asked for before sign-in; Spring Security marks that with ?continue
        assertThat(page).hasURL(Pattern.compile("^http://localhost:" + port + "/admin(\\?continue)?$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Welcome, Ana Ruiz");
        assertThat(page.locator(".brand .workspace")).hasText("Acme");
        chromium.screenshot(page, "dashboard-desktop.png");

        mainNavigation(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("API keys")).click();
        assertThat(page).hasURL(url("/admin/api-keys"));
        assertThat(page.getByText("No API keys yet.")).isVisible();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Billing system");
        page.getByLabel("Read and write").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();

        Locator secret = page.locator("#new-secret");
        assertThat(secret).isVisible();
        assertThat(secret).containsText("tnd_sk_");
        String key = secret.textContent().strip();
        assertThat(key).startsWith("tnd_sk_");
        assertThat(page.getByText("For your security it will not be shown again.")).isVisible();

        page.navigate("/admin/api-keys");
        assertThat(page.locator("#new-secret")).hasCount(0);
        assertThat(page.content()).doesNotContain(key);
        Locator row = page.locator("tbody tr", new Page.LocatorOptions().setHasText("Billing system"));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Read and write");
        assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke"))).isVisible();

        ApiClient.Answer answer = api(key).get("/api/v1/workspace");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("name").asString()).isEqualTo("Acme");
    }

    @Test
    void revokingAKeyAsksForConfirmationAndStopsIt() {
        Fixtures.Tenant globex = fixtures.tenant("Globex");
        Page page = open(null);
        page.navigate("/login");
        signIn(page, globex.ownerEmail(), Fixtures.PASSWORD, "Sign in");
        assertThat(page).hasURL(url("/admin"));

        page.navigate("/admin/api-keys");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Warehouse");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
        String key = page.locator("#new-secret").textContent().strip();
        assertThat(api(key).get("/api/v1/workspace").status()).isEqualTo(200);

        AtomicReference<String> question = new AtomicReference<>();
        page.onDialog(dialog -> {
            question.set(dialog.type() + ": " + dialog.message());
            dialog.accept();
        });
        Locator row = page.locator("tbody tr", new Page.LocatorOptions().setHasText("Warehouse"));
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("API key revoked.");
        assertThat(question.get()).isEqualTo("confirm: Revoke this key? Systems using it will be refused at once.");
        assertThat(row).containsText("Revoked ");
        assertThat(row.getByRole(AriaRole.BUTTON)).hasCount(0);
        assertThat(page).hasURL(url("/admin/api-keys"));

        ApiClient.Answer refused = api(key).get("/api/v1/workspace");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api(globex.apiKey()).get("/api/v1/workspace").status())
                .as("the workspace's other key still works").isEqualTo(200);
    }

    @Test
    void staffSeeTheConsoleInTheirChosenLanguage() {
        Fixtures.Tenant globex = fixtures.tenant("Globex");
        Page page = open(new Browser.NewContextOptions().setLocale("es-ES"));

        page.navigate("/login");
        assertThat(page.locator("html")).hasAttribute("lang", "es");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Iniciar sesión"))).isVisible();
        page.getByLabel("Correo electrónico").fill(globex.ownerEmail());
        page.getByLabel("Contraseña").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Iniciar sesión")).click();

        assertThat(page).hasURL(url("/admin"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Te damos la bienvenida, Globex Owner");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Globex Owner")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Tu cuenta");
        page.getByLabel("Idioma").selectOption(new SelectOption().setLabel("Norsk bokmål"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar")).click();

        assertThat(page).hasURL(url("/admin/account"));
        assertThat(page.locator("html")).hasAttribute("lang", "nb");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Språket er lagret.");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Kontoen din");
        assertThat(page.getByLabel("Språk")).hasValue("nb");

        mainNavigation(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Oversikt")).click();
        assertThat(page).hasURL(url("/admin"));
        assertThat(page.locator("html")).hasAttribute("lang", "nb");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Velkommen, Globex Owner");
        assertThat(page.evaluate("navigator.language")).as("the browser still asks for Spanish").isEqualTo("es-ES");
        assertThat(jdbc.sql("select locale from staff_user where email = ?").param(globex.ownerEmail())
                .query(String.class).single()).isEqualTo("nb");
    }

    @Test
    void consoleIsUsableOnAPhone() {
        Fixtures.Tenant globex = fixtures.tenant("Globex");
        Page page = open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                .setDeviceScaleFactor(3));
        page.navigate("/login");
        assertThat(Browsers.horizontalOverflow(page)).as("the sign-in page scrolls sideways").isZero();
        signIn(page, globex.ownerEmail(), Fixtures.PASSWORD, "Sign in");
        assertThat(page).hasURL(url("/admin"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Welcome, Globex Owner");
        chromium.screenshot(page, "dashboard-phone.png");

        assertThat(Browsers.horizontalOverflow(page)).as("the dashboard scrolls sideways").isZero();
        Locator menu = page.locator("details.menu > summary");
        Locator apiKeys = mainNavigation(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("API keys"));
        assertThat(menu).isVisible();
        assertThat(menu).hasText("Menu");
        assertThat(apiKeys).isVisible();
        menu.tap();
        assertThat(apiKeys).isHidden();
        menu.tap();
        assertThat(apiKeys).isVisible();
        apiKeys.tap();

        assertThat(page).hasURL(url("/admin/api-keys"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("API keys");
        assertThat(Browsers.horizontalOverflow(page)).as("the API keys page scrolls sideways").isZero();
    }

    private Page open(Browser.NewContextOptions options) {
        return chromium.open("http://localhost:" + port, options);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void signIn(Page page, String email, String password, String button) {
        page.locator("#username").fill(email);
        page.locator("#password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
    }

    private static Locator errorNextTo(Page page, String fieldId) {
        return page.locator(".field.invalid:has(#" + fieldId + ") small.error");
    }

    private static Locator mainNavigation(Page page) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions()
                // the menu's name is in the reader's language too
                .setName(java.util.regex.Pattern.compile("^(Main|Principal|Principale|Hovedmeny)$")));
    }


    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

}
