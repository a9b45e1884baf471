package dev.tandem.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.tandem.core.Language;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Onboarding;
import dev.tandem.partner.OnboardingStepKind;
import dev.tandem.partner.Partner;
import dev.tandem.partner.Partners;
import dev.tandem.partner.PortalLinks;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The partner's links page: what they share, QR codes, making links, and only ever their own. */
class LinkPortalTest extends IntegrationTest {

    @Autowired
    ProgramFixtures fixtures;
    @Autowired
    PortalLinks portalLinks;
    @Autowired
    Partners partners;
    @Autowired
    Links links;
    @Autowired
    Codes codes;
    @Autowired
    Onboarding onboarding;

    @Test
    void thePageShowsTheDefaultLinkTheCodeAndShareButtons() {
        ProgramFixtures.Setup acme = fixtures.program("Portal page");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Portal");
        Session portal = signIn(acme.workspace(), ana.partner());

        Answer page = portal.get("/portal/links");

        assertThat(page.status()).isEqualTo(200);
        Link link = links.defaultLink(acme.workspace(), acme.program().id(), ana.partner().id());
        String code = codes.activeReferralCode(acme.workspace(), acme.program().id(), ana.partner().id()).orElseThrow()
                .code();
        assertThat(page.text()).contains("value=\"http://localhost:8080/r/" + link.slug() + "\"")
                .contains("value=\"" + code + "\"")
                .contains("/portal/links/" + link.id() + "/qr.svg")
                .contains("/portal/links/" + link.id() + "/qr.png")
                .contains("https://www.linkedin.com/sharing/share-offsite/?url=http%3A%2F%2Flocalhost%3A8080%2Fr%2F" + link.slug())
                .contains("https://x.com/intent/post?text=")
                .contains("https://www.facebook.com/sharer/sharer.php?u=")
                .contains("mailto:?subject=A%20recommendation%3A%20Portal%20page&amp;body=")
                .contains("We make invoicing easy for freelancers.")
                .contains("0 unique visitors")
                .contains("/js/links.js").doesNotContain("onclick").doesNotContain("style=\"");
    }

    @Test
    void qrCodesComeAsPngAndSvg() {
        ProgramFixtures.Setup acme = fixtures.program("Portal qr");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Qr");
        Session portal = signIn(acme.workspace(), ana.partner());
        Link link = links.defaultLink(acme.workspace(), acme.program().id(), ana.partner().id());

        Answer png = portal.get("/portal/links/" + link.id() + "/qr.png");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');

        Answer svg = portal.get("/portal/links/" + link.id() + "/qr.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.text()).contains("<svg").containsOnlyOnce("<path");
    }

    @Test
    void aPartnerMakesALinkAndTheFirstOneTicksTheOnboardingStep() {
        ProgramFixtures.Setup acme = fixtures.program("Portal create");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Create");
        onboarding.addStep(acme.workspace(), ProgramFixtures.MANAGER, acme.program().id(),
                OnboardingStepKind.CREATE_FIRST_LINK, "Create your first link", null);
        Session portal = signIn(acme.workspace(), ana.partner());
        portal.get("/portal/links");
        String slug = "ana-" + UUID.randomUUID().toString().substring(0, 8);

        Answer created = portal.post("/portal/links", Map.of("programId", acme.program().id().toString(), "slug", slug,
                "destination", "https://shop.acme.test/spring", "campaign", "Newsletter"));

        assertThat(created.status()).isEqualTo(302);
        Link link = links.ofPartner(acme.workspace(), ana.partner().id(), acme.program().id()).stream()
                .filter(l -> l.slug().equals(slug)).findFirst().orElseThrow();
        assertThat(created.location()).endsWith("/portal/links#link-" + link.id());
        assertThat(link.destination()).hasToString("https://shop.acme.test/spring");
        assertThat(link.campaign()).isEqualTo("Newsletter");
        assertThat(portal.get("/portal/links").text()).contains("Your link is ready to share.").contains(slug);
        assertThat(onboarding.progress(acme.workspace(), ana.enrollment()).items())
                .singleElement().satisfies(item -> assertThat(item.doneAt()).isNotNull());
    }

    @Test
    void formErrorsShowNextToTheFieldsInThePartnersLanguage() {
        ProgramFixtures.Setup acme = fixtures.program("Portal errors");
        Partner lucia = partners.findOrCreate(acme.workspace(), new Partners.NewPartner(
                "lucia-" + UUID.randomUUID().toString().substring(0, 6) + "@partners.test", "Lucía Gómez", "", "", "",
                Partner.Profile.empty(), Language.ES, null));
        partners.enroll(acme.workspace(), ProgramFixtures.MANAGER, acme.program().id(), lucia.id(), null,
                EnrollmentStatus.APPROVED, "");
        Link taken = links.defaultLink(acme.workspace(), acme.program().id(), lucia.id());
        Session portal = signIn(acme.workspace(), lucia);
        portal.get("/portal/links");
        long before = count(acme.workspace());

        Answer refused = portal.post("/portal/links", Map.of("programId", acme.program().id().toString(),
                "slug", taken.slug().toUpperCase(), "destination", "https://evil.example.com/", "campaign", ""));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("Dirección ya está en uso")
                .contains("Destino debe ser una página de la propia web del programa")
                .contains("value=\"https://evil.example.com/\"");
        assertThat(count(acme.workspace())).isEqualTo(before);
    }

    @Test
    void aPartnerCannotSeeOrSwitchOffAnotherPartnersLink() {
        ProgramFixtures.Setup acme = fixtures.program("Portal isolation");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Own");
        ProgramFixtures.Member ben = fixtures.approvedPartner(acme, "Ben Other");
        Link bens = links.defaultLink(acme.workspace(), acme.program().id(), ben.partner().id());
        Session portal = signIn(acme.workspace(), ana.partner());

        assertThat(portal.get("/portal/links").text()).doesNotContain(bens.slug());
        assertThat(portal.get("/portal/links/" + bens.id() + "/qr.png").status()).isEqualTo(404);
        assertThat(portal.get("/portal/links/" + bens.id() + "/qr.svg").status()).isEqualTo(404);
        portal.get("/portal/links");
        assertThat(portal.post("/portal/links/" + bens.id() + "/disable", Map.of()).status()).isEqualTo(404);
        assertThat(links.get(acme.workspace(), bens.id()).enabled()).isTrue();
        assertThat(portal.get("/portal/links/lnk_nonsense/qr.png").status()).isEqualTo(404);
    }

    @Test
    void aPartnerSwitchesTheirLinkOffAndOn() {
        ProgramFixtures.Setup acme = fixtures.program("Portal switch");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Switch");
        Link link = links.defaultLink(acme.workspace(), acme.program().id(), ana.partner().id());
        Session portal = signIn(acme.workspace(), ana.partner());
        portal.get("/portal/links");

        assertThat(portal.post("/portal/links/" + link.id() + "/disable", Map.of()).status()).isEqualTo(302);
        assertThat(links.get(acme.workspace(), link.id()).enabled()).isFalse();
        assertThat(portal.get("/portal/links").text()).contains("The link is switched off.")
                .contains("/portal/links/" + link.id() + "/enable");
        assertThat(portal.post("/portal/links/" + link.id() + "/enable", Map.of()).status()).isEqualTo(302);
        assertThat(links.get(acme.workspace(), link.id()).enabled()).isTrue();
    }

    @Test
    void suspendedAndWaitingProgramsAreExplainedWithoutAForm() {
        ProgramFixtures.Setup acme = fixtures.program("Portal suspended");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Suspended");
        Link link = links.defaultLink(acme.workspace(), acme.program().id(), ana.partner().id());
        partners.transition(acme.workspace(), ProgramFixtures.MANAGER, ana.enrollment().id(), EnrollmentStatus.SUSPENDED,
                "checking traffic");
        var waiting = fixtures.anotherProgram(acme.tenant(), "Second program");
        partners.enroll(acme.workspace(), ProgramFixtures.MANAGER, waiting.id(), ana.partner().id(), null,
                EnrollmentStatus.PENDING, "");
        Session portal = signIn(acme.workspace(), ana.partner());

        String page = portal.get("/portal/links").text();

        assertThat(page).contains("Your partnership in this program is suspended").contains(link.slug())
                .contains("Your application is not approved yet").doesNotContain("Create a link");
        portal.get("/portal/links");
        assertThat(portal.post("/portal/links", Map.of("programId", acme.program().id().toString(), "slug", "",
                "destination", "", "campaign", "")).text()).contains("You cannot create links in this program right now.");
    }

    private long count(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from link where workspace_id = ?").param(workspace.value())
                .query(Long.class).single();
    }

    private Session signIn(WorkspaceId workspace, Partner partner) {
        Session session = new Session("http://localhost:" + port);
        String url = portalLinks.issue(workspace, partner.id(), PortalLinks.Purpose.SIGN_IN);
        String path = url.substring(url.indexOf("/portal/login/"));
        assertThat(session.get(path).status()).isEqualTo(200);
        assertThat(session.post(path, Map.of()).location()).endsWith("/portal");
        return session;
    }

    record Answer(int status, String contentType, byte[] body, String location) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A browser without JavaScript that also tells content types and keeps bytes (for the QR images). */
    static final class Session {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        private final String base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf;

        Session(String base) {
            this.base = base;
        }

        Answer get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        Answer post(String path, Map<String, String> fields) {
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.putIfAbsent("_csrf", csrf);
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private Answer send(HttpRequest.Builder request) {
            try {
                HttpResponse<byte[]> response = http.send(request.header("Accept-Language", "en").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (type.startsWith("text/html")) {
                    Matcher token = CSRF.matcher(new String(response.body(), StandardCharsets.UTF_8));
                    if (token.find()) {
                        csrf = token.group(1);
                    }
                }
                return new Answer(response.statusCode(), type, response.body(),
                        response.headers().firstValue("Location").orElse(null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String value) {
            return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
        }
    }
}
