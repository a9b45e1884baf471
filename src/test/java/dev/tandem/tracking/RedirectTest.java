package dev.tandem.tracking;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partners;
import dev.tandem.program.Programs;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /r/{slug} as API.md fixes it: where it sends visitors, what it hands them, and what it never does. */
class RedirectTest extends RedirectTestBase {

    @Autowired
    Partners partners;
    @Autowired
    Programs programsService;

    @Test
    void redirectsToTheDestinationKeepingTheVisitorsQueryAndAddingASignedClickId() {
        Scene scene = scene("Redirect");
        Link link = link(scene, "https://shop.acme.test/pricing?ref=partner#plans");

        HttpResponse<String> response = get("/r/" + link.slug() + "?utm_source=news&sub1=abc&q=caf%C3%A9+au+lait");

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://shop.acme.test/pricing?ref=partner&utm_source=news&sub1=abc"
                + "&q=caf%C3%A9+au+lait&tnd_click=").endsWith("#plans");
        ClickCheck check = clickIds.check(scene.setup().workspace(), clickIdIn(location));
        assertThat(check).isInstanceOf(ClickCheck.Valid.class);
        assertThat(((ClickCheck.Valid) check).linkId()).isEqualTo(link.id());
        assertThat(((ClickCheck.Valid) check).clickedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
    }

    @Test
    void aLinkWithoutItsOwnDestinationGoesToTheProgramsAndItsSlugMatchesInAnyCase() {
        Scene scene = scene("Default destination");
        Link link = link(scene, null);

        HttpResponse<String> response = get("/r/" + link.slug().toUpperCase());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("https://acme.test/?tnd_click=");
    }

    @Test
    void aVisitorCannotReplaceTheClickIdOrTheDestination() {
        Scene scene = scene("Forged");
        Link link = link(scene, "https://acme.test/landing?lang=en");

        String location = get("/r/" + link.slug() + "?tnd_click=forged&lang=es&next=https://evil.test/")
                .headers().firstValue("Location").orElseThrow();

        assertThat(location).startsWith("https://acme.test/landing?lang=es&next=https://evil.test/&tnd_click=")
                .doesNotContain("forged").doesNotContain("lang=en");
    }

    @Test
    void theClickCookieLastsTheAttributionWindowAndIsSecureBehindHttps() {
        Link link = link(scene("Cookie"), null);

        HttpResponse<String> plain = get("/r/" + link.slug());
        HttpResponse<String> proxied = get("/r/" + link.slug(), "X-Forwarded-Proto", "https");

        String clickId = clickIdIn(plain.headers().firstValue("Location").orElseThrow());
        assertThat(plain.headers().firstValue("Set-Cookie")).hasValue(
                "tnd_click=" + clickId + "; Max-Age=" + Duration.ofDays(30).toSeconds() + "; Path=/; HttpOnly; SameSite=Lax");
        assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow()).endsWith("; HttpOnly; SameSite=Lax; Secure");
    }

    @Test
    void anUnknownSlugAnswersAReadablePageInTheVisitorsLanguage() {
        HttpResponse<String> english = get("/r/no-such-link");
        HttpResponse<String> spanish = get("/r/no-such-link", "Accept-Language", "es-ES,es;q=0.9");

        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(english.body()).contains("<h1>Link not found</h1>").contains("/css/tandem.css");
        assertThat(english.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(spanish.statusCode()).isEqualTo(404);
        assertThat(spanish.body()).contains("Enlace no encontrado").contains("lang=\"es\"");
        assertThat(spanish.headers().firstValue("Content-Language")).hasValue("es");
        assertThat(spanish.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        // the page's language links, and the language a public page remembered, win over the browser's
        assertThat(get("/r/no-such-link?lang=pt", "Accept-Language", "es").body()).contains("<html lang=\"pt\"");
        assertThat(get("/r/no-such-link", "Accept-Language", "es", "Cookie", "tandem_lang=nb").body())
                .contains("<html lang=\"nb\"");
    }

    @Test
    void malformedSlugsAreNotFoundNeverAnError() {
        for (String path : new String[] {"/r/", "/r", "/r/ab", "/r/" + "a".repeat(65), "/r/" + "a".repeat(5000),
                "/r/bad.slug", "/r/caf%C3%A9", "/r/abc/def", "/r/abc;jsessionid=1", "/r/%3Cscript%3E"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("Link not found");
        }
        // a request line beyond 8 KB is refused before any slug is looked for
        assertThat(get("/r/" + "a".repeat(9000)).statusCode()).isEqualTo(400);
        // Tomcat itself refuses an encoded NUL or slash in any path (400) before application code runs; the
        // listener finds no slug in them
        for (String path : new String[] {"/r/a%00b%00c", "/r/%2e%2e%2fadmin"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(onTomcat() ? 400 : 404);
        }
    }

    @Test
    void onlyGetAndHeadRedirect() {
        Link link = link(scene("Methods"), null);

        HttpResponse<String> post = send("POST", "/r/" + link.slug());
        HttpResponse<String> head = send("HEAD", "/r/" + link.slug());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(send("DELETE", "/r/" + link.slug()).statusCode()).isEqualTo(405);
        assertThat(head.statusCode()).isEqualTo(302);
        assertThat(head.headers().firstValue("Location").orElseThrow()).startsWith("https://acme.test/?tnd_click=");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aDisabledLinkAnswersGoneAndCountsNothing() {
        Scene scene = scene("Disabled");
        Link link = link(scene, null);
        links.setDisabled(scene.setup().workspace(), link.id(), Instant.now());

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/r/" + link.slug()).statusCode() == 410);
        HttpResponse<String> response = get("/r/" + link.slug(), "Accept-Language", "it");

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.body()).contains("Questo link non è più attivo");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        awaitEarlierClicksStored(scene);
        assertThat(clicksOf(link)).isZero();
    }

    @Test
    void aDisabledLinkSendsVisitorsToTheProgramsFallbackWithoutAClick() {
        Scene scene = scene("Fallback");
        programsService.setTrackingSettings(scene.setup().workspace(), ProgramFixtures.MANAGER,
                scene.setup().program().id(), "https://acme.test/partners-ended", true);
        Link link = link(scene, "https://shop.acme.test/deal");
        links.setDisabled(scene.setup().workspace(), link.id(), Instant.now());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "https://acme.test/partners-ended".equals(
                        get("/r/" + link.slug() + "?utm_source=x").headers().firstValue("Location").orElse(null)));
        HttpResponse<String> response = get("/r/" + link.slug() + "?next=https://evil.test/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("https://acme.test/partners-ended");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        awaitEarlierClicksStored(scene);
        assertThat(clicksOf(link)).isZero();
    }

    @Test
    void aSuspendedPartnersLinksStopRedirectingAndComeBackWhenApproved() {
        Scene scene = scene("Suspended");
        Link link = link(scene, null);
        assertThat(get("/r/" + link.slug()).statusCode()).isEqualTo(302);

        partners.transition(scene.setup().workspace(), ProgramFixtures.MANAGER, scene.member().enrollment().id(),
                EnrollmentStatus.SUSPENDED, "Spam");
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/r/" + link.slug()).statusCode() == 410);

        partners.transition(scene.setup().workspace(), ProgramFixtures.MANAGER, scene.member().enrollment().id(),
                EnrollmentStatus.APPROVED, "Cleared");
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/r/" + link.slug()).statusCode() == 302);
    }

    @Test
    void anArchivedProgramsLinksAreGone() {
        Scene scene = scene("Archived");
        Link link = link(scene, null);
        assertThat(get("/r/" + link.slug()).statusCode()).isEqualTo(302);

        programsService.archive(scene.setup().workspace(), ProgramFixtures.MANAGER, scene.setup().program().id());

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/r/" + link.slug()).statusCode() == 410);
    }
}
