package dev.tandem.referral;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tandem.testing.Chromium;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.tracking.LinkId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snippet in a real Chromium on the business's own site: a tiny web server on another port (so
 * another origin, and CORS is really exercised) serves a landing page with the script tag; the
 * visitor arrives with a click id, the page sends a lead, and the lead is credited to the partner of
 * the click — with no console errors.
 */
class SnippetBrowserTest extends SnippetTestBase {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    HttpServer site;
    String siteOrigin;

    @BeforeEach
    void startTheBusinessSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        site.start();
        siteOrigin = "http://localhost:" + site.getAddress().getPort();
    }

    @AfterEach
    void stopTheBusinessSite() {
        site.stop(0);
    }

    @Test
    void aVisitorFromAPartnersLinkSendsTheBusinessFormAndTheLeadIsCreditedToThatPartner() {
        ProgramFixtures.Setup s = fixtures.program("Browser Snippet");
        ProgramFixtures.Member ana = fixtures.approvedPartner(s, "Ana Browser");
        PublishableKey key = publishableKeys.create(s.workspace(), ProgramFixtures.MANAGER, s.program().id());
        publishableKeys.setAllowedOrigins(s.workspace(), ProgramFixtures.MANAGER, key.id(), List.of(siteOrigin));
        // a window other than the snippet's first guess (30 days), so that waiting for it means Tandem answered
        jdbc.sql("update program set attribution_window_days = 90 where id = ?").param(s.program().id().value()).update();
        serve("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Acme</title>"
                + "<link rel=\"icon\" href=\"data:,\">"
                + "<script src=\"http://localhost:" + port + "/js/tandem.js\" data-key=\"" + key.key() + "\" async></script>"
                + "</head><body><h1>Acme invoicing</h1></body></html>");
        LinkId link = link(s, ana);
        String clickId = clickId(s, link);
        Page page = chromium.open(siteOrigin, null);

        page.navigate("/?utm_source=partner&tnd_click=" + clickId);
        page.waitForFunction("() => window.tandem !== undefined");

        assertThat(page.evaluate("() => tandem.clickId()")).isEqualTo(clickId);
        assertThat(page.context().cookies(siteOrigin)).anySatisfy(cookie -> {
            assertThat(cookie.name).isEqualTo("tnd_click");
            assertThat(cookie.value).isEqualTo(clickId);
            assertThat(cookie.httpOnly).isFalse();
        });
        // the program's window replaces the first guess once Tandem answers
        page.waitForCondition(() -> expiresInDays(page) == 90);

        page.navigate("/pricing");
        page.waitForFunction("() => window.tandem !== undefined");
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) page.evaluate(
                "() => tandem.lead({email: 'Lena@Berg.test', name: 'Lena Berg', company: 'Berg AS', message: 'Demo please'})");

        assertThat((String) answer.get("id")).startsWith("evt_");
        assertThat(answer.get("attributed")).isEqualTo(true);
        List<Map<String, Object>> events = events(s);
        assertThat(events).singleElement().satisfies(lead -> {
            assertThat(lead.get("source")).isEqualTo("snippet");
            assertThat(lead.get("partner_id")).isEqualTo(ana.partner().id().value());
            assertThat(lead.get("click_token")).isEqualTo(clickId);
            assertThat(lead.get("email")).isEqualTo("lena@berg.test");
            assertThat((String) lead.get("metadata")).contains("Demo please").contains(siteOrigin + "/pricing");
        });
    }

    @Test
    void aManagerCreatesAKeyAndFindsTheSnippetReadyToPaste() {
        ProgramFixtures.Setup s = fixtures.program("Snippet Page");
        Page page = chromium.open("http://localhost:" + port, new Browser.NewContextOptions().setViewportSize(1280, 900));
        page.navigate("/login");
        page.getByLabel("Email").fill(s.tenant().ownerEmail());
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.navigate("/admin/programs/" + s.program().id());

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lead capture: website snippet and hosted referral pages")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a publishable key")).click();

        PublishableKey key = publishableKeys.list(s.workspace(), s.program().id()).get(0);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("Publishable key created.");
        PlaywrightAssertions.assertThat(page.locator("textarea.snippet-code")).hasValue(
                "<script src=\"http://localhost:8080/js/tandem.js\" data-key=\"" + key.key() + "\" async></script>");
        PlaywrightAssertions.assertThat(page.getByLabel("Allowed origins")).hasValue("https://acme.test\nhttps://shop.acme.test");
        chromium.screenshot(page, "snippet-admin.png");
    }

    private long expiresInDays(Page page) {
        Cookie cookie = page.context().cookies(siteOrigin).stream().filter(c -> c.name.equals("tnd_click")).findFirst()
                .orElseThrow();
        return Math.round((cookie.expires - System.currentTimeMillis() / 1000.0) / 86400);
    }

    /** Every path of the business's site answers this page. */
    private void serve(String html) {
        site.createContext("/", exchange -> respond(exchange, html));
    }

    private static void respond(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
