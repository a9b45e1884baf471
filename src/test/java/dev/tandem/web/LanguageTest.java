package dev.tandem.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Map;
import java.util.Properties;

import dev.tandem.core.Language;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest extends IntegrationTest {

    @Autowired
    Fixtures fixtures;

    private Fixtures.Tenant acme;

    @BeforeEach
    void workspaceWithOwner() {
        resetDatabase();
        acme = fixtures.tenant("Acme");
    }

    @ParameterizedTest(name = "Accept-Language {0} → {1}")
    @CsvSource({
            "es, es",
            "'es-ES,es;q=0.9', es",
            "pt-BR, pt",
            "'pt-PT,pt;q=0.9,en;q=0.8', pt",
            "nb, nb",
            "no, nb",
            "nb-NO, nb",
            "it, it",
            "it-CH, it",
            "en-US, en",
            "fr, en",
            "'fr-FR,fr;q=0.9,de;q=0.8', en",
            "'fr;q=1, es;q=0.8', es"
    })
    void theLoginPageSpeaksTheBrowsersLanguage(String acceptLanguage, String expected) {
        WebClient.Page login = browser().acceptLanguage(acceptLanguage).get("/login");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body())
                .contains("<html lang=\"" + expected + "\"")
                .contains(text(expected, "login.title"))
                .contains(text(expected, "login.email"))
                .contains(text(expected, "login.password"));
        if (!expected.equals("en")) {
            assertThat(login.body()).doesNotContain(">" + text("en", "login.title") + "<");
        }
    }

    @Test
    void aFailedSignInIsExplainedInTheBrowsersLanguage() {
        WebClient browser = browser().acceptLanguage("pt-BR");

        assertThat(browser.login(acme.ownerEmail(), "not the password").location()).isEqualTo("/login?error");
        assertThat(browser.get("/login?error").body()).contains(text("pt", "login.failed"));
    }

    @Test
    void choosingALanguageOnTheLoginPageIsRememberedAcrossPages() {
        WebClient browser = browser().acceptLanguage("en");

        WebClient.Page italian = browser.get("/login?lang=it");
        assertThat(italian.body()).contains(text("it", "login.title")).contains("<html lang=\"it\"");

        WebClient.Page later = browser.get("/login");
        assertThat(later.body()).contains(text("it", "login.title")).doesNotContain(">" + text("en", "login.title") + "<");

        WebClient other = browser().acceptLanguage("en");
        assertThat(other.get("/login").body()).contains(text("en", "login.title"));
    }

    @Test
    void aLanguageChosenOnTheLoginPageCanBeChangedAgain() {
        WebClient browser = browser().acceptLanguage("en");
        browser.get("/login?lang=it");

        assertThat(browser.get("/login?lang=es").body()).contains(text("es", "login.title"));
        assertThat(browser.get("/login").body()).contains(text("es", "login.title"));
    }

    @Test
    void aStaffMembersOwnLanguageWinsOverTheBrowserUntilTheyChooseTheBrowserAgain() {
        WebClient browser = browser().acceptLanguage("es");
        assertThat(browser.login(acme.ownerEmail(), Fixtures.PASSWORD).location()).endsWith("/admin");
        assertThat(browser.get("/admin").body()).contains(text("es", "home.welcome", "Acme Owner"));

        browser.get("/admin/account");
        WebClient.Page saved = browser.post("/admin/account/language", Map.of("language", "it"));
        assertThat(saved.location()).isEqualTo("/admin/account");
        assertThat(browser.get("/admin/account").body()).contains(text("it", "account.languageSaved"));
        assertThat(browser.get("/admin").body()).contains(text("it", "home.welcome", "Acme Owner"));
        assertThat(jdbc.sql("select locale from staff_user where email = ?").param(acme.ownerEmail())
                .query(String.class).single()).isEqualTo("it");

        WebClient otherDevice = browser().acceptLanguage("nb");
        otherDevice.login(acme.ownerEmail(), Fixtures.PASSWORD);
        assertThat(otherDevice.get("/admin").body()).as("the choice follows the person to another device")
                .contains(text("it", "home.welcome", "Acme Owner"));

        browser.get("/admin/account");
        browser.post("/admin/account/language", Map.of("language", ""));
        assertThat(browser.get("/admin").body()).contains(text("es", "home.welcome", "Acme Owner"));
        browser.acceptLanguage("pt-BR");
        assertThat(browser.get("/admin").body()).contains(text("pt", "home.welcome", "Acme Owner"));
        assertThat(jdbc.sql("select locale is null from staff_user where email = ?").param(acme.ownerEmail())
                .query(Boolean.class).single()).as("no stored choice").isTrue();
    }

    @Test
    void acceptLanguageWeightsDecideNotTheOrder() {
        assertThat(Language.fromAcceptLanguage("fr;q=1, es;q=0.8")).contains(Language.ES);
        assertThat(Language.fromAcceptLanguage("es;q=0.5, it;q=0.9")).contains(Language.IT);
        assertThat(Language.fromAcceptLanguage("fr, pt-BR;q=0.9, es;q=0.8")).contains(Language.PT);
        assertThat(Language.fromAcceptLanguage("en-US,en;q=0.9,es;q=0.8")).contains(Language.EN);
    }

    @Test
    void acceptLanguageReadsNorwegianVariantsAsBokmal() {
        assertThat(Language.fromAcceptLanguage("no")).contains(Language.NB);
        assertThat(Language.fromAcceptLanguage("nn-NO")).contains(Language.NB);
        assertThat(Language.fromAcceptLanguage("nb-NO,nb;q=0.9")).contains(Language.NB);
    }

    @Test
    void acceptLanguageWithoutASpokenLanguageGivesNothing() {
        assertThat(Language.fromAcceptLanguage(null)).isEmpty();
        assertThat(Language.fromAcceptLanguage("")).isEmpty();
        assertThat(Language.fromAcceptLanguage("  ")).isEmpty();
        assertThat(Language.fromAcceptLanguage("fr, de;q=0.5")).isEmpty();
        assertThat(Language.fromAcceptLanguage("*")).isEmpty();
        assertThat(Language.fromAcceptLanguage("es;q=0")).as("q=0 means 'not this one'").isEmpty();
        assertThat(Language.fromAcceptLanguage("!!not a header;;q=x")).isEmpty();
    }

    /** A text as the messages file has it, formatted and HTML-escaped the way Thymeleaf writes it into a page. */
    private static String text(String language, String key, Object... arguments) {
        String raw = messages(language).getProperty(key);
        assertThat(raw).as("%s in messages_%s.properties", key, language).isNotNull();
        String formatted = arguments.length == 0 ? raw : new MessageFormat(raw).format(arguments);
        return formatted.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static Properties messages(String language) {
        String file = "/messages_" + language + ".properties";
        try (InputStream in = LanguageTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
