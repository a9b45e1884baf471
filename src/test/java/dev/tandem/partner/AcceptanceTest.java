package dev.tandem.partner;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.core.Language;
import dev.tandem.notification.Email;
import dev.tandem.program.AgreementVersion;
import dev.tandem.program.Program;
import dev.tandem.program.Tier;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partners accept the agreement in force for their tier; the acceptance is evidence (exact text
 * hash, time, IP, browser) shown back on a printable receipt; a new version makes it pending again
 * on every page, and the partners it concerns are told by email.
 */
class AcceptanceTest extends PortalScenarioTest {

    @Autowired
    AcceptanceRequests acceptanceRequests;

    @Autowired
    AgreementAcceptances acceptances;

    private static final Pattern ACCEPT_FORM = Pattern.compile(
            "action=\"(/portal/enrollments/enr_\\w+/agreement)\"[\\s\\S]*?name=\"versionId\" value=\"(agr_\\w+)\"");

    @Test
    void acceptingRecordsTheTextHashTimeAddressAndBrowserAndTheReceiptShowsThem() {
        Business acme = business("Acme Terms");
        String email = email("ana");
        Enrollment enrollment = approvedPartner(acme, email, "Ana");
        AgreementVersion v1 = publish(acme.workspace(), acme.program(), null, "Partner terms",
                "## Commission\n\nTen percent of **every** sale.\n\n<script>alert(1)</script>");
        WebClient browser = signedIn(acme.workspace(), email);

        WebClient.Page home = browser.get("/portal");
        assertThat(home.body()).contains("To accept: version 1").contains("id=\"pending-agreements\"");
        WebClient.Page page = browser.get("/portal/enrollments/" + enrollment.id() + "/agreement");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<strong>every</strong>").contains("&lt;script&gt;")
                .doesNotContain("<script>alert").contains(v1.textHash()).contains("I accept version 1");

        WebClient.Page accepted = accept(browser, page);
        assertThat(accepted.location()).isEqualTo("/portal/enrollments/" + enrollment.id() + "/agreement");

        var row = jdbc.sql("select id, partner_id, agreement_version_id, text_sha256, ip, user_agent, accepted_at"
                        + " from agreement_acceptance where workspace_id = ? and enrollment_id = ?")
                .params(acme.workspace().value(), enrollment.id().value()).query().singleRow();
        assertThat(row.get("partner_id")).isEqualTo(enrollment.partnerId().value());
        assertThat(row.get("agreement_version_id")).isEqualTo(v1.id().value());
        assertThat(HexFormat.of().formatHex((byte[]) row.get("text_sha256"))).isEqualTo(v1.textHash());
        assertThat(row.get("ip")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat((String) row.get("user_agent")).startsWith("Java-http-client");
        assertThat(row.get("accepted_at")).isNotNull();

        WebClient.Page after = browser.get(accepted.location());
        assertThat(after.body()).contains("your acceptance is recorded").doesNotContain("id=\"pending-agreements\"")
                .contains("You have accepted this version.");
        assertThat(browser.get("/portal").body()).contains("Accepted (version 1)");

        AcceptanceId id = new AcceptanceId((java.util.UUID) row.get("id"));
        WebClient.Page receipt = browser.get("/portal/agreements/" + id);
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.body()).contains("Acceptance receipt").contains(v1.textHash())
                .contains(String.valueOf(row.get("ip"))).contains("Java-http-client").contains("Acme Terms Partners")
                .contains("Version 1: Partner terms").contains("Ten percent of").contains(id.toString())
                .contains("/css/portal-print.css").contains("exactly the text you accepted");

        accept(browser, page);
        assertThat(count("agreement_acceptance where workspace_id = '" + acme.workspace().value() + "'"))
                .as("accepting twice keeps the first acceptance").isEqualTo(1);
    }

    @Test
    void aNewVersionIsPendingOnEveryPageAndEmailedUntilAccepted() {
        Business acme = business("Acme Versions");
        String email = email("bea");
        Enrollment enrollment = enroll(acme.workspace(), acme.program(),
                partner(acme.workspace(), email, "Bea", Language.IT), EnrollmentStatus.APPROVED);
        publish(acme.workspace(), acme.program(), null, "Terms", "Version one.");
        WebClient browser = signedIn(acme.workspace(), email);
        accept(browser, browser.get("/portal/enrollments/" + enrollment.id() + "/agreement"));
        for (String path : pages(enrollment)) {
            assertThat(browser.get(path).body()).as(path).doesNotContain("id=\"pending-agreements\"");
        }

        AgreementVersion v2 = publish(acme.workspace(), acme.program(), null, "Terms", "Version two: new rules.");

        Email told = await().until(() -> emails.latestTo(acme.workspace(), email).orElseThrow(),
                e -> e.template().equals("agreement-published"));
        assertThat(told.language()).isEqualTo(Language.IT);
        assertThat(told.subject()).isEqualTo("Accetta il nuovo accordo di Acme Versions Partners (Acme Versions)");
        assertThat(told.bodyText()).contains("Ciao Bea").contains("versione 2").contains("/portal/login/");
        for (String path : pages(enrollment)) {
            WebClient.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("id=\"pending-agreements\"")
                    .contains("href=\"/portal/enrollments/" + enrollment.id() + "/agreement\"");
        }
        assertThat(browser.get("/portal").body()).contains("Da accettare: versione 2");
        assertThat(jdbc.sql("select count(*) from enrollment where id = ? and status = 'approved'")
                .param(enrollment.id().value()).query(Integer.class).single())
                .as("the partner keeps their links meanwhile").isEqualTo(1);

        WebClient.Page page = browser.get("/portal/enrollments/" + enrollment.id() + "/agreement");
        assertThat(page.body()).contains("Version two: new rules.").contains(v2.textHash());
        accept(browser, page);
        for (String path : pages(enrollment)) {
            assertThat(browser.get(path).body()).as(path).doesNotContain("id=\"pending-agreements\"");
        }
        assertThat(browser.get("/portal/enrollments/" + enrollment.id() + "/agreement").body())
                .contains("Versione 1: Terms").contains("Versione 2: Terms");
    }

    @Test
    void anOutdatedVersionCannotBeAccepted() {
        Business acme = business("Acme Outdated");
        String email = email("cai");
        Enrollment enrollment = approvedPartner(acme, email, "Cai");
        publish(acme.workspace(), acme.program(), null, "Terms", "One.");
        WebClient browser = signedIn(acme.workspace(), email);
        WebClient.Page shown = browser.get("/portal/enrollments/" + enrollment.id() + "/agreement");

        publish(acme.workspace(), acme.program(), null, "Terms", "Two.");
        WebClient.Page refused = accept(browser, shown);

        assertThat(browser.get(refused.location()).body()).contains("The agreement changed while you were reading");
        assertThat(count("agreement_acceptance where enrollment_id = '" + enrollment.id().value() + "'")).isZero();
    }

    @Test
    void aTiersOwnAgreementReachesOnlyThatTiersPartners() {
        Business acme = business("Acme Tiers");
        Program program = acme.program();
        Tier gold = programs.addTier(acme.workspace(), Actor.system(), program.id(), "Gold", "", "");
        String regularEmail = email("reg");
        String goldEmail = email("gold");
        Enrollment regular = approvedPartner(acme, regularEmail, "Regular");
        Partner goldPartner = partner(acme.workspace(), goldEmail, "Goldie", Language.EN);
        Enrollment golden = partners.enroll(acme.workspace(), Actor.system(), program.id(), goldPartner.id(),
                gold.id(), EnrollmentStatus.APPROVED, "test");
        Partner waiting = partner(acme.workspace(), email("wait"), "Waiting", Language.EN);
        enroll(acme.workspace(), program, waiting, EnrollmentStatus.PENDING);

        publish(acme.workspace(), program, null, "Program terms", "For all.");
        await().until(() -> emailsTo(goldEmail) == 1 && emailsTo(regularEmail) == 1);
        assertThat(emailsTo(waiting.email())).as("only approved partners").isZero();

        AgreementVersion goldTerms = publish(acme.workspace(), program, gold.id(), "Gold terms", "For gold.");
        await().until(() -> emailsTo(goldEmail) == 2);
        assertThat(emailsTo(regularEmail)).isEqualTo(1);

        publish(acme.workspace(), program, null, "Program terms", "For all, v2.");
        await().until(() -> emailsTo(regularEmail) == 2);
        assertThat(emailsTo(goldEmail)).as("gold partners follow their tier's own agreement").isEqualTo(2);

        assertThat(acceptances.status(acme.workspace(), golden).current().id()).isEqualTo(goldTerms.id());
        assertThat(acceptances.status(acme.workspace(), regular).current().version()).isEqualTo(2);
    }

    private List<String> pages(Enrollment enrollment) {
        return List.of("/portal", "/portal/agreements", "/portal/onboarding", "/portal/profile", "/portal/payout");
    }

    @Test
    void staffSeeOnThePartnersPageWhichVersionTheyAcceptedAndWhereTheyStandInOnboarding() {
        Business acme = business("Acme Staff View");
        String email = email("bea");
        Enrollment enrollment = approvedPartner(acme, email, "Bea");
        publish(acme.workspace(), acme.program(), null, "Terms", "Be nice to customers.");
        onboarding.addStep(acme.workspace(), Actor.system(), acme.program().id(), OnboardingStepKind.ACCEPT_AGREEMENT,
                "Accept the terms", null);
        onboarding.addStep(acme.workspace(), Actor.system(), acme.program().id(), OnboardingStepKind.WATCH_VIDEO,
                "Watch the demo", "https://video.example.com/demo");
        WebClient staff = browser();
        staff.login(acme.tenant().ownerEmail(), dev.tandem.testing.Fixtures.PASSWORD);
        String partnerPage = "/admin/partners/" + enrollment.partnerId();

        assertThat(staff.get(partnerPage).body()).contains("version 1 not accepted yet")
                .contains("0 of 2 steps done").contains("next: Accept the terms");

        WebClient partner = signedIn(acme.workspace(), email);
        accept(partner, partner.get("/portal/enrollments/" + enrollment.id() + "/agreement"));

        assertThat(staff.get(partnerPage).body()).contains("version 1 accepted on")
                .contains("1 of 2 steps done").contains("next: Watch the demo");

        publish(acme.workspace(), acme.program(), null, "Terms", "Be nice to customers, and say you are a partner.");
        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(staff.get(partnerPage).body())
                .as("a new version opens the checklist's acceptance step again")
                .contains("version 2 not accepted yet").contains("0 of 2 steps done").contains("next: Accept the terms"));
    }

    @Test
    void aResubmittedAgreementEventTellsNobodyTwice() {
        Business acme = business("Acme Retried Notice");
        String email = email("cy");
        approvedPartner(acme, email, "Cy");
        AgreementVersion v1 = publish(acme.workspace(), acme.program(), null, "Terms", "Be kind.");
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> emailsTo(email) == 1);

        // what the registry does with an event whose first delivery it did not see complete
        acceptanceRequests.published(new dev.tandem.program.AgreementPublished(acme.workspace(), acme.program().id(),
                null, v1.id(), v1.version()));

        assertThat(emailsTo(email)).isEqualTo(1);
    }

    private WebClient.Page accept(WebClient browser, WebClient.Page agreementPage) {
        Matcher form = ACCEPT_FORM.matcher(agreementPage.body());
        assertThat(form.find()).as("an accept button on the page").isTrue();
        return browser.post(form.group(1), Map.of("versionId", form.group(2)));
    }

    private int count(String fromWhere) {
        return jdbc.sql("select count(*) from " + fromWhere).query(Integer.class).single();
    }
}
