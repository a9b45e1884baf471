package dev.tandem.partner;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.core.Language;
import dev.tandem.notification.Email;
import dev.tandem.notification.Emails;
import dev.tandem.partner.web.PortalSignInLimiter;
import dev.tandem.program.AgreementVersion;
import dev.tandem.program.Agreements;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramType;
import dev.tandem.program.Programs;
import dev.tandem.program.TierId;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the portal's tests share: a workspace with a program and partners built through the same
 * services the pages use, and a partner signing in the way a person does — asking for a link on
 * the sign-in page, taking it from the outbox, and pressing the button.
 */
abstract class PortalScenarioTest extends IntegrationTest {

    static final Pattern LINK = Pattern.compile("https?://[^/\\s\"]+(/portal/login/[A-Za-z0-9_-]+)");

    @Autowired
    Fixtures fixtures;
    @Autowired
    Programs programs;
    @Autowired
    Partners partners;
    @Autowired
    Agreements agreements;
    @Autowired
    Emails emails;
    @Autowired
    PortalLinks links;
    @Autowired
    Onboarding onboarding;
    @Autowired
    PortalSignInLimiter limiter;

    @BeforeEach
    void everyTestMaySignIn() {
        limiter.clear();
    }

    /** A workspace with one program, its owner signed in with {@link Fixtures#PASSWORD}. */
    record Business(Fixtures.Tenant tenant, WorkspaceId workspace, Program program) {
    }

    Business business(String name) {
        Fixtures.Tenant tenant = fixtures.tenant(name);
        WorkspaceId workspace = tenant.ids().workspaceId();
        return new Business(tenant, workspace, program(workspace, name + " Partners"));
    }

    Program program(WorkspaceId workspace, String name) {
        return programs.create(workspace, Actor.system(), new Programs.Settings(name, ProgramType.REFERRAL, "", "EUR",
                "https://shop.example.com/", List.of(), null, null, "", null));
    }

    static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@partners.test";
    }

    Partner partner(WorkspaceId workspace, String email, String name, Language language) {
        return partners.findOrCreate(workspace, new Partners.NewPartner(email, name, "", "", "", null, language, null));
    }

    Enrollment enroll(WorkspaceId workspace, Program program, Partner partner, EnrollmentStatus status) {
        return partners.enroll(workspace, Actor.system(), program.id(), partner.id(), null, status, "test");
    }

    /** An approved partner of the business's program. */
    Enrollment approvedPartner(Business business, String email, String name) {
        return enroll(business.workspace(), business.program(),
                partner(business.workspace(), email, name, Language.EN), EnrollmentStatus.APPROVED);
    }

    AgreementVersion publish(WorkspaceId workspace, Program program, TierId tier, String title, String body) {
        return agreements.publish(workspace, Actor.system(), program.id(), tier, title, body);
    }

    /** The path of the sign-in link in the newest email to this address in the workspace. */
    String linkFromOutbox(WorkspaceId workspace, String email) {
        // the link is emailed just after the sign-in page answered
        Email latest = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> emails.latestTo(workspace, email).filter(e -> e.template().equals("magic-link")), Optional::isPresent)
                .orElseThrow();
        Matcher link = LINK.matcher(latest.bodyText());
        assertThat(link.find()).as("a sign-in link in %s", latest.bodyText()).isTrue();
        return link.group(1);
    }

    /** Asks for a link on the sign-in page, as a person would; answers the page. */
    WebClient.Page askForLink(WebClient browser, String email) {
        browser.get("/portal/login");
        return browser.post("/portal/login", Map.of("email", email, "password", ""));
    }

    /** Uses a link: its page, then its button. Answers the button's answer. */
    WebClient.Page follow(WebClient browser, String linkPath) {
        WebClient.Page confirm = browser.get(linkPath);
        assertThat(confirm.status()).as("the link's page").isEqualTo(200);
        return browser.post(linkPath, Map.of());
    }

    /** A browser signed in to the portal as the partner with this email, through the workspace's emailed link. */
    WebClient signedIn(WorkspaceId workspace, String email) {
        WebClient browser = browser();
        askForLink(browser, email);
        WebClient.Page signedIn = follow(browser, linkFromOutbox(workspace, email));
        assertThat(signedIn.location()).isEqualTo("/portal");
        return browser;
    }

    int emailsTo(String email) {
        return jdbc.sql("select count(*) from email_outbox where lower(to_address) = lower(?)").param(email)
                .query(Integer.class).single();
    }
}
