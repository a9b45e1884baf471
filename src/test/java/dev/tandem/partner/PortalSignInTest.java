package dev.tandem.partner;

import java.util.Map;

import dev.tandem.core.Language;
import dev.tandem.notification.Email;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.Actor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Partners sign in by emailed link (once, for 15 minutes) or by password, without anyone learning who is a partner. */
class PortalSignInTest extends PortalScenarioTest {

    @Test
    void theEmailedLinkSignsInOnceAndOnlyOnce() {
        Business acme = business("Acme Links");
        String email = email("ana");
        approvedPartner(acme, email, "Ana Ruiz");

        WebClient browser = browser();
        WebClient.Page inbox = askForLink(browser, email);
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).contains("Check your inbox").contains(email);

        String link = linkFromOutbox(acme.workspace(), email);
        Email sent = emails.latestTo(acme.workspace(), email).orElseThrow();
        assertThat(sent.template()).isEqualTo("magic-link");
        assertThat(sent.subject()).isEqualTo("Your sign-in link for Acme Links");
        assertThat(sent.bodyText()).contains("Hi Ana Ruiz,").contains("expires in 15 minutes");

        assertThat(browser.get(link).body()).as("a mail scanner opening the link does not use it up")
                .contains("Sign in to the partner portal");
        WebClient.Page signedIn = follow(browser, link);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).isEqualTo("/portal");
        WebClient.Page home = browser.get("/portal");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Welcome, Ana Ruiz").contains("Acme Links Partners");

        WebClient other = browser();
        WebClient.Page again = other.get(link);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("This link no longer works").contains("name=\"email\"");
        assertThat(other.postRaw(link, Map.of()).status()).as("without the CSRF token of the page").isEqualTo(403);
        other.get(link);
        assertThat(other.post(link, Map.of()).status()).isEqualTo(410);
        assertThat(other.get("/portal").location()).endsWith("/portal/login");
    }

    @Test
    void aLinkExpiresAfterFifteenMinutes() {
        Business acme = business("Acme Expiry");
        String email = email("bea");
        approvedPartner(acme, email, "Bea");
        WebClient browser = browser();
        askForLink(browser, email);
        String link = linkFromOutbox(acme.workspace(), email);
        assertThat(jdbc.sql("select expires_at - created_at = interval '15 minutes' from partner_login_token"
                + " where workspace_id = ? order by created_at desc limit 1").param(acme.workspace().value())
                .query(Boolean.class).single()).isTrue();

        jdbc.sql("update partner_login_token set expires_at = now() - interval '1 second' where workspace_id = ?")
                .param(acme.workspace().value()).update();

        WebClient.Page expired = browser.get(link);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("works once, for 15 minutes").contains("action=\"/portal/login\"");
        assertThat(browser.post(link, Map.of()).status()).isEqualTo(410);
        assertThat(browser.get("/portal").status()).isEqualTo(302);
    }

    @Test
    void anUnknownEmailGetsTheSamePageAndNoEmail() {
        Business acme = business("Acme Unknown");
        String known = email("cai");
        approvedPartner(acme, known, "Cai");
        String unknown = email("nobody");

        WebClient.Page forKnown = askForLink(browser(), known);
        WebClient.Page forUnknown = askForLink(browser(), unknown);

        assertThat(forUnknown.status()).isEqualTo(forKnown.status()).isEqualTo(200);
        assertThat(strip(forUnknown.body(), unknown)).isEqualTo(strip(forKnown.body(), known));
        // links go out just after the answer: once the request for the unknown address has been handled
        // too (not only the known one's), it must have sent nothing
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> emailsTo(known) == 1
                && jdbc.sql("select count(*) from event_publication where event_type like '%SignInLinkRequested'"
                        + " and serialized_event like '%' || ? || '%' and completion_date is null").param(unknown)
                .query(Integer.class).single() == 0);
        assertThat(emailsTo(unknown)).isZero();
    }

    @Test
    void aMalformedEmailIsExplainedNextToTheField() {
        WebClient browser = browser();
        browser.get("/portal/login");
        WebClient.Page page = browser.post("/portal/login", Map.of("email", "not an email", "password", ""));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Email must be an email address");
    }

    @Test
    void aPartnerWhoSetAPasswordSignsInWithIt() {
        Business acme = business("Acme Password");
        String email = email("dan");
        approvedPartner(acme, email, "Dan");
        WebClient partner = signedIn(acme.workspace(), email);
        partner.get("/portal/profile");
        WebClient.Page tooShort = partner.post("/portal/profile/password", Map.of("password", "short"));
        assertThat(tooShort.body()).contains("New password needs at least 12 characters");
        WebClient.Page saved = partner.post("/portal/profile/password", Map.of("password", "a long partner password"));
        assertThat(saved.location()).isEqualTo("/portal/profile");

        WebClient laptop = browser();
        laptop.get("/portal/login");
        int emailsBefore = emailsTo(email);
        WebClient.Page signedIn = laptop.post("/portal/login", Map.of("email", email.toUpperCase(),
                "password", "a long partner password"));
        assertThat(signedIn.location()).isEqualTo("/portal");
        assertThat(laptop.get("/portal").body()).contains("Welcome, Dan");

        WebClient guesser = browser();
        guesser.get("/portal/login");
        WebClient.Page wrong = guesser.post("/portal/login", Map.of("email", email, "password", "a wrong password!"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("Check your inbox");
        // links are emailed after the answer: wait until every link request so far has been handled,
        // so that a link wrongly sent for the password sign-in above would be counted too
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from event_publication where event_type like '%SignInLinkRequested'"
                        + " and completion_date is null").query(Integer.class).single() == 0);
        assertThat(emailsTo(email)).as("a link for the wrong password only, none for the right one")
                .isEqualTo(emailsBefore + 1);
        assertThat(guesser.get("/portal").status()).isEqualTo(302);
    }

    @Test
    void anInvitationLinkApprovesEveryInvitedEnrollment() {
        Business acme = business("Acme Invite");
        var second = program(acme.workspace(), "Acme Invite Resellers");
        var third = program(acme.workspace(), "Acme Invite Affiliates");
        String email = email("eva");
        Partner eva = partner(acme.workspace(), email, "Eva", Language.EN);
        Enrollment first = enroll(acme.workspace(), acme.program(), eva, EnrollmentStatus.INVITED);
        Enrollment other = enroll(acme.workspace(), second, eva, EnrollmentStatus.INVITED);
        Enrollment pending = enroll(acme.workspace(), third, eva, EnrollmentStatus.PENDING);

        String link = links.issue(acme.workspace(), eva.id(), PortalLinks.Purpose.INVITATION);
        WebClient browser = browser();
        WebClient.Page signedIn = follow(browser, link.substring(link.indexOf("/portal/")));

        assertThat(signedIn.location()).isEqualTo("/portal");
        assertThat(partners.enrollment(acme.workspace(), first.id()).status()).isEqualTo(EnrollmentStatus.APPROVED);
        assertThat(partners.enrollment(acme.workspace(), other.id()).status()).isEqualTo(EnrollmentStatus.APPROVED);
        assertThat(partners.enrollment(acme.workspace(), pending.id()).status()).isEqualTo(EnrollmentStatus.PENDING);
        EnrollmentEvent accepted = partners.history(acme.workspace(), first.id()).get(1);
        assertThat(accepted.reason()).isEqualTo("accepted invitation");
        assertThat(accepted.actor().kind()).isEqualTo(Actor.Kind.PARTNER);
        assertThat(accepted.actor().id()).isEqualTo(eva.id().value());
        assertThat(browser.get("/portal").body()).contains("Acme Invite Resellers").contains("Under review");
    }

    @Test
    void aPersonInTwoWorkspacesGetsALinkForEachAndEachSignsIntoItsOwn() {
        Business acme = business("Acme Twin");
        Business globex = business("Globex Twin");
        String email = email("fay");
        approvedPartner(acme, email, "Fay at Acme");
        approvedPartner(globex, email, "Fay at Globex");

        askForLink(browser(), email);
        String acmeLink = linkFromOutbox(acme.workspace(), email);
        String globexLink = linkFromOutbox(globex.workspace(), email);
        assertThat(acmeLink).isNotEqualTo(globexLink);
        assertThat(emails.latestTo(globex.workspace(), email).orElseThrow().subject())
                .isEqualTo("Your sign-in link for Globex Twin");

        WebClient atGlobex = browser();
        follow(atGlobex, globexLink);
        assertThat(atGlobex.get("/portal").body()).contains("Globex Twin Partners").doesNotContain("Acme Twin");
    }

    @Test
    void signInRequestsAreLimitedPerAddress() {
        WebClient browser = browser();
        browser.get("/portal/login");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.post("/portal/login", Map.of("email", email("spam"), "password", "")).status())
                    .isEqualTo(200);
        }
        WebClient.Page limited = browser.post("/portal/login", Map.of("email", email("spam"), "password", ""));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).contains("Too many attempts");
    }

    @Test
    void signingOutEndsThePortalSession() {
        Business acme = business("Acme Sign Out");
        String email = email("gil");
        approvedPartner(acme, email, "Gil");
        WebClient browser = signedIn(acme.workspace(), email);
        browser.get("/portal");

        WebClient.Page out = browser.post("/portal/logout", Map.of());
        assertThat(out.location()).isEqualTo("/portal/login?signedOut");
        assertThat(browser.get("/portal").location()).endsWith("/portal/login");
    }

    @Test
    void aPartnerWhoseProgramsAllEndedSignsInAndSeesOnlyThat() {
        Business acme = business("Acme Ended");
        String email = email("hal");
        Partner hal = partner(acme.workspace(), email, "Hal", Language.EN);
        enroll(acme.workspace(), acme.program(), hal, EnrollmentStatus.REJECTED);

        WebClient browser = signedIn(acme.workspace(), email);
        WebClient.Page home = browser.get("/portal");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Not accepted").contains("None of your programs is open")
                .doesNotContain("href=\"/portal/payout\"");
        assertThat(browser.get("/portal/payout").location()).isEqualTo("/portal");
        assertThat(browser.get("/portal/onboarding").location()).isEqualTo("/portal");
    }

    @Test
    void thePortalSpeaksThePartnersLanguageAndSoDoTheirEmails() {
        Business acme = business("Acme Idioma");
        String email = email("ines");
        enroll(acme.workspace(), acme.program(), partner(acme.workspace(), email, "Inés", Language.ES),
                EnrollmentStatus.APPROVED);

        WebClient browser = browser().acceptLanguage("en");
        askForLink(browser, email);
        String link = linkFromOutbox(acme.workspace(), email);
        assertThat(emails.latestTo(acme.workspace(), email).orElseThrow().subject())
                .isEqualTo("Tu enlace de acceso a Acme Idioma");
        follow(browser, link);

        WebClient.Page home = browser.get("/portal");
        assertThat(home.body()).contains("<html lang=\"es\"").contains("Hola, Inés").contains("Datos de pago");

        browser.get("/portal/profile");
        browser.post("/portal/profile", Map.of("name", "Inés", "phone", "", "company", "", "website", "",
                "language", "nb"));
        assertThat(browser.get("/portal").body()).contains("<html lang=\"nb\"").contains("Velkommen, Inés");
        assertThat(browser.get("/login").body()).as("the staff login does not speak the partner's choice")
                .contains("<html lang=\"en\"");
    }

    @Test
    void withoutSignInEveryPortalPageSendsToTheSignInPage() {
        WebClient browser = browser();
        for (String path : new String[] {"/portal", "/portal/agreements", "/portal/profile", "/portal/payout",
                "/portal/onboarding"}) {
            WebClient.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/portal/login");
        }
        assertThat(browser.get("/portal/login").status()).isEqualTo(200);
    }

    private static String strip(String body, String email) {
        return body.replace(email, "EMAIL").replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }
}
