package dev.tandem.partner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.tandem.core.Language;
import dev.tandem.program.AgreementVersion;
import dev.tandem.program.Program;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner never sees another partner's data — not in another program, not in another workspace,
 * not with the same email — and a partner's and a staff member's sign-ins in one browser stay apart.
 */
class PortalIsolationTest extends PortalScenarioTest {

    @Autowired
    AgreementAcceptances acceptances;

    @Test
    void anotherPartnersAcceptanceEnrollmentAndStepsAnswerNotFound() {
        Business acme = business("Acme Private");
        Program resellers = program(acme.workspace(), "Acme Private Resellers");
        AgreementVersion terms = publish(acme.workspace(), acme.program(), null, "Terms", "Text.");
        publish(acme.workspace(), resellers, null, "Reseller terms", "Other text.");
        String anaEmail = email("ana");
        String benEmail = email("ben");
        Enrollment ana = approvedPartner(acme, anaEmail, "Ana Private");
        Enrollment ben = enroll(acme.workspace(), resellers, partner(acme.workspace(), benEmail, "Ben Private",
                Language.EN), EnrollmentStatus.APPROVED);
        Acceptance anasAcceptance = acceptances.accept(PartnerPrincipal.of(partners.get(acme.workspace(),
                ana.partnerId())), ana.id(), terms.id(), "198.51.100.7", "Ana's browser");
        OnboardingStep step = onboarding.addStep(acme.workspace(), Actor.system(), acme.program().id(),
                OnboardingStepKind.CUSTOM, "Say hello", null);

        WebClient benBrowser = signedIn(acme.workspace(), benEmail);
        WebClient.Page receipt = benBrowser.get("/portal/agreements/" + anasAcceptance.id());
        assertThat(receipt.status()).isEqualTo(404);
        assertThat(receipt.body()).doesNotContain("198.51.100.7").doesNotContain("Ana Private");
        assertThat(benBrowser.get("/portal/enrollments/" + ana.id() + "/agreement").status()).isEqualTo(404);
        assertThat(benBrowser.get("/portal/agreements/acc_nonsense").status()).isEqualTo(404);
        benBrowser.get("/portal/onboarding");
        assertThat(benBrowser.post("/portal/onboarding/" + ana.id() + "/steps/" + step.id(), Map.of()).status())
                .isEqualTo(404);
        benBrowser.get("/portal/enrollments/" + ben.id() + "/agreement");
        assertThat(benBrowser.post("/portal/enrollments/" + ana.id() + "/agreement",
                Map.of("versionId", terms.id().toString())).status()).isEqualTo(404);
        for (String path : new String[] {"/portal", "/portal/agreements", "/portal/onboarding"}) {
            assertThat(benBrowser.get(path).body()).as(path).doesNotContain("Acme Private Partners")
                    .doesNotContain("Ana Private").contains("Acme Private Resellers");
        }
        assertThat(jdbc.sql("select count(*) from onboarding_progress where enrollment_id = ?").param(ana.id().value())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theSameEmailInAnotherWorkspaceCannotSeeThisWorkspacesPrograms() {
        Business acme = business("Acme Secret");
        Business globex = business("Globex Open");
        String email = email("cai");
        Enrollment atAcme = approvedPartner(acme, email, "Cai");
        approvedPartner(globex, email, "Cai");
        publish(acme.workspace(), acme.program(), null, "Acme terms", "Acme only.");

        WebClient atGlobex = signedIn(globex.workspace(), email);
        WebClient.Page home = atGlobex.get("/portal");
        assertThat(home.body()).contains("Globex Open Partners").doesNotContain("Acme Secret");
        assertThat(home.body()).as("Acme's pending agreement is none of Globex's business")
                .doesNotContain("id=\"pending-agreements\"");
        assertThat(atGlobex.get("/portal/enrollments/" + atAcme.id() + "/agreement").status()).isEqualTo(404);
        assertThat(atGlobex.get("/portal/agreements").body()).doesNotContain("Acme");
    }

    @Test
    void staffAndPartnerSignInsInOneBrowserStayApart() {
        Business acme = business("Acme Two Hats");
        String email = email("dee");
        approvedPartner(acme, email, "Dee Partner");
        WebClient browser = browser();

        assertThat(browser.login(acme.tenant().ownerEmail(), Fixtures.PASSWORD).location()).endsWith("/admin");
        assertThat(browser.get("/admin").status()).isEqualTo(200);
        assertThat(browser.get("/portal").location()).as("a staff sign-in is no partner sign-in")
                .endsWith("/portal/login");

        askForLink(browser, email);
        assertThat(follow(browser, linkFromOutbox(acme.workspace(), email)).location()).isEqualTo("/portal");
        WebClient.Page portal = browser.get("/portal");
        assertThat(portal.status()).isEqualTo(200);
        assertThat(portal.body()).contains("Dee Partner").doesNotContain("Acme Two Hats Owner");
        WebClient.Page admin = browser.get("/admin");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body()).contains("Acme Two Hats Owner").doesNotContain("Dee Partner");

        browser.get("/portal");
        assertThat(browser.post("/portal/logout", Map.of()).location()).isEqualTo("/portal/login?signedOut");
        assertThat(browser.get("/portal").location()).endsWith("/portal/login");
        assertThat(browser.get("/admin").status()).as("signing out of the portal keeps the staff sign-in").isEqualTo(200);

        WebClient partnerOnly = signedIn(acme.workspace(), email);
        assertThat(partnerOnly.get("/admin").location()).as("a partner sign-in is no staff sign-in").endsWith("/login");
        assertThat(partnerOnly.get("/admin/outbox").location()).endsWith("/login");
    }

    @Test
    void thePortalSendsTheStaffPagesContentSecurityPolicy() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> staff = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Content-Security-Policy")).isPresent()
                .isEqualTo(staff.headers().firstValue("Content-Security-Policy"));
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
    }
}
