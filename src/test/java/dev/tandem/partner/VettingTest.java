package dev.tandem.partner;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.core.Language;
import dev.tandem.notification.Email;
import dev.tandem.program.Tier;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.Role;
import dev.tandem.workspace.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Deciding on applications: the program's auto-approval rules, and a reviewer approving or rejecting. */
class VettingTest extends PartnerTestBase {

    @Autowired
    StaffAccounts staff;

    @Test
    void aFitScoreAtTheProgramsThresholdIsApprovedAtOnce() {
        Setup s = program("Score Partners");
        idealProfile(s);
        programs.setAutoApproval(s.workspace(), MANAGER, s.program().id(), 75, List.of());
        WebClient visitor = browser();

        WebClient.Page sent = apply(visitor, s, application("Sara Score", "sara@score.test"));

        assertThat(visitor.get(sent.location()).body()).contains("You are approved")
                .contains("An email with a link to the partner portal is on its way");
        Enrollment enrollment = enrollmentOf(s, "sara@score.test");
        assertThat(enrollment.status()).isEqualTo(EnrollmentStatus.APPROVED);
        assertThat(enrollment.statusReason()).isEqualTo("auto-approved: fit score 75 is at least 75");
        assertThat(partners.history(s.workspace(), enrollment.id())).extracting(EnrollmentEvent::to, e -> e.actor().name())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pending", "Sara Score"),
                        org.assertj.core.groups.Tuple.tuple("approved", "Tandem"));
        Email email = latestEmailTo(s, "sara@score.test");
        assertThat(email.template()).isEqualTo("application-approved");
        assertThat(email.bodyText()).contains("/portal/login/");

        programs.setAutoApproval(s.workspace(), MANAGER, s.program().id(), 80, List.of());
        apply(browser(), s, application("Tom Below", "tom@score.test"));
        assertThat(enrollmentOf(s, "tom@score.test").status()).as("75 is below 80").isEqualTo(EnrollmentStatus.PENDING);
        assertThat(latestEmailTo(s, "tom@score.test").template()).isEqualTo("application-received");
    }

    @Test
    void withoutAnIdealProfileAScoreThresholdApprovesNobody() {
        Setup s = program("Unjudged Partners");
        programs.setAutoApproval(s.workspace(), MANAGER, s.program().id(), 50, List.of());

        apply(browser(), s, application("Una Judged", "una@unjudged.test"));

        assertThat(applicationOf(s, "una@unjudged.test").fitScore()).as("nothing to judge: 100").isEqualTo(100);
        assertThat(enrollmentOf(s, "una@unjudged.test").status()).isEqualTo(EnrollmentStatus.PENDING);
    }

    @Test
    void anEmailDomainOnTheProgramsListIsApprovedAtOnceWhateverTheScore() {
        Setup s = program("Domain Partners");
        idealProfile(s);
        programs.setAutoApproval(s.workspace(), MANAGER, s.program().id(), null, List.of("trusted.test"));
        Map<String, String> trusted = application("Tina Trusted", "tina@trusted.test");
        trusted.put("industry", "Retail");

        apply(browser(), s, trusted);
        Map<String, String> other = application("Olga Other", "olga@other.test");
        other.put("industry", "Retail");
        apply(browser(), s, other);

        Enrollment approved = enrollmentOf(s, "tina@trusted.test");
        assertThat(approved.status()).isEqualTo(EnrollmentStatus.APPROVED);
        assertThat(approved.statusReason()).isEqualTo("auto-approved: email domain trusted.test is on the list");
        assertThat(applicationOf(s, "tina@trusted.test").fitScore()).isZero();
        assertThat(enrollmentOf(s, "olga@other.test").status()).isEqualTo(EnrollmentStatus.PENDING);
    }

    @Test
    void aReviewerApprovesIntoAChosenTierAndTheApplicantIsToldInTheirLanguage() {
        Setup s = program("Tier Partners");
        idealProfile(s);
        Tier gold = tier(s, "Gold");
        apply(browser().acceptLanguage("pt-BR"), s, application("Paulo Silva", "paulo@tier.test"));
        ApplicationId application = applicationIdOf(s, "paulo@tier.test");
        WebClient reviewer = signedIn(s.tenant());

        WebClient.Page queue = reviewer.get("/admin/programs/" + s.program().id() + "/applications");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("Paulo Silva").contains("Fit 75/100").contains("hoped for: software · weight 3")
                .contains("“Mexico”").contains("I write a newsletter for 4,000 freelancers");
        WebClient.Page approved = reviewer.post("/admin/programs/" + s.program().id() + "/applications/" + application
                + "/approve", Map.of("tierId", gold.id().toString()));

        assertThat(approved.status()).isEqualTo(302);
        assertThat(reviewer.get(approved.location()).body()).contains("Approved Paulo Silva")
                .contains("No applications are waiting for review.");
        Enrollment enrollment = enrollmentOf(s, "paulo@tier.test");
        assertThat(enrollment.status()).isEqualTo(EnrollmentStatus.APPROVED);
        assertThat(enrollment.tierId()).isEqualTo(gold.id());
        String owner = s.tenant().name() + " Owner";
        assertThat(partners.history(s.workspace(), enrollment.id()))
                .extracting(e -> e.kind() + ":" + e.to() + ":" + e.actor().name() + ":" + e.reason())
                .containsExactly("STATUS:pending:Paulo Silva:application submitted",
                        "TIER:" + gold.id() + ":" + owner + ":approved into Gold",
                        "STATUS:approved:" + owner + ":application approved");

        WebClient.Page partnerPage = reviewer.get("/admin/partners/" + enrollment.partnerId());
        assertThat(partnerPage.body()).contains("Pending review → Approved").contains("Tier Registered → Gold")
                .contains(owner).contains("approved into Gold");

        Email email = latestEmailTo(s, "paulo@tier.test");
        assertThat(email.language()).isEqualTo(Language.PT);
        assertThat(email.subject()).isEqualTo("Bem-vindo a Tier Partners: a sua candidatura foi aprovada");
        assertThat(email.bodyText()).contains("Boas notícias").containsPattern("https?://[^\\s]+/portal/login/[A-Za-z0-9_-]{20,}")
                .contains("expira em 3 dias");
        assertThat(count("select count(*) from partner_login_token where workspace_id = ? and partner_id = ?"
                        + " and purpose = 'welcome' and expires_at - created_at = interval '3 days'",
                s.workspace().value(), enrollment.partnerId().value()))
                .as("a partner approved overnight still finds a working link in the morning").isEqualTo(1);
    }

    @Test
    void rejectingNeedsAReasonAndEmailsItToTheApplicantInTheirLanguage() {
        Setup s = program("Reject Partners");
        apply(browser().acceptLanguage("it"), s, application("Giulia Bianchi", "giulia@reject.test"));
        ApplicationId application = applicationIdOf(s, "giulia@reject.test");
        WebClient reviewer = signedIn(s.tenant());
        reviewer.get("/admin/programs/" + s.program().id() + "/applications");
        String reject = "/admin/programs/" + s.program().id() + "/applications/" + application + "/reject";

        WebClient.Page withoutReason = reviewer.post(reject, Map.of("reason", "  "));

        assertThat(withoutReason.status()).isEqualTo(422);
        assertThat(withoutReason.body()).contains("Reason is required");
        assertThat(enrollmentOf(s, "giulia@reject.test").status()).isEqualTo(EnrollmentStatus.PENDING);
        assertThat(latestEmailTo(s, "giulia@reject.test").template()).isEqualTo("application-received");

        WebClient.Page rejected = reviewer.post(reject, Map.of("reason", "We only work with agencies in Spain for now."));

        assertThat(rejected.status()).isEqualTo(302);
        Enrollment enrollment = enrollmentOf(s, "giulia@reject.test");
        assertThat(enrollment.status()).isEqualTo(EnrollmentStatus.REJECTED);
        assertThat(enrollment.statusReason()).isEqualTo("We only work with agencies in Spain for now.");
        Email email = latestEmailTo(s, "giulia@reject.test");
        assertThat(email.template()).isEqualTo("application-rejected");
        assertThat(email.language()).isEqualTo(Language.IT);
        assertThat(email.subject()).isEqualTo("La tua candidatura a Reject Partners");
        assertThat(email.bodyText()).contains("Il motivo:").contains("We only work with agencies in Spain for now.");
    }

    @Test
    void aTransitionTheStatusDoesNotAllowIsRefusedWith409ThroughTheApiAndAClearMessageOnThePage() {
        Setup s = program("Guard Partners");
        apply(browser(), s, application("Gus Guard", "gus@guard.test"));
        Enrollment enrollment = enrollmentOf(s, "gus@guard.test");

        ApiClient.Answer api = api(s.tenant().apiKey()).post("/api/v1/enrollments/" + enrollment.id() + "/status",
                "{\"status\": \"suspended\", \"reason\": \"spam\"}");
        assertThat(api.status()).isEqualTo(409);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.json().get("detail").asString()).isEqualTo("an enrollment that is pending cannot become suspended");

        WebClient reviewer = signedIn(s.tenant());
        reviewer.get("/admin/partners/" + enrollment.partnerId());
        WebClient.Page refused = reviewer.post("/admin/partners/" + enrollment.partnerId() + "/enrollments/"
                + enrollment.id() + "/status", Map.of("status", "banned", "reason", "spam"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(reviewer.get("/admin/partners/" + enrollment.partnerId()).body())
                .contains("This enrollment is now Pending review and cannot become Banned.");
        assertThat(enrollmentOf(s, "gus@guard.test").status()).isEqualTo(EnrollmentStatus.PENDING);
    }

    @Test
    void suspendingNeedsAReasonAndIsRecordedWithWhoAndWhy() {
        Setup s = program("Suspend Partners");
        apply(browser(), s, application("Sam Suspend", "sam@suspend.test"));
        Enrollment enrollment = enrollmentOf(s, "sam@suspend.test");
        WebClient reviewer = signedIn(s.tenant());
        reviewer.get("/admin/partners/" + enrollment.partnerId());
        String change = "/admin/partners/" + enrollment.partnerId() + "/enrollments/" + enrollment.id() + "/status";
        reviewer.get(reviewer.post(change, Map.of("status", "approved", "reason", "")).location());

        WebClient.Page refused = reviewer.post(change, Map.of("status", "suspended", "reason", ""));
        assertThat(reviewer.get(refused.location()).body())
                .contains("To change the status to Suspended, give a reason.");
        assertThat(enrollmentOf(s, "sam@suspend.test").status()).isEqualTo(EnrollmentStatus.APPROVED);

        reviewer.post(change, Map.of("status", "suspended", "reason", "Used a coupon site against the terms"));
        assertThat(enrollmentOf(s, "sam@suspend.test").status()).isEqualTo(EnrollmentStatus.SUSPENDED);
        assertThat(reviewer.get("/admin/partners/" + enrollment.partnerId()).body())
                .contains("Approved → Suspended").contains("Used a coupon site against the terms");
    }

    @Test
    void viewersSeeTheQueueButCannotDecide() {
        Setup s = program("Viewer Partners");
        apply(browser(), s, application("Vic Applicant", "vic@viewer.test"));
        ApplicationId application = applicationIdOf(s, "vic@viewer.test");
        String viewerEmail = "viewer-" + UUID.randomUUID().toString().substring(0, 6) + "@viewer.test";
        staff.add(staff.loadUserByUsername(s.tenant().ownerEmail()), "Vera Viewer", viewerEmail, Role.VIEWER,
                Fixtures.PASSWORD);
        WebClient viewer = browser();
        viewer.login(viewerEmail, Fixtures.PASSWORD);

        WebClient.Page queue = viewer.get("/admin/programs/" + s.program().id() + "/applications");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("Vic Applicant").doesNotContain("/approve\"");
        WebClient.Page attempt = viewer.post("/admin/programs/" + s.program().id() + "/applications/" + application
                + "/approve", Map.of());

        assertThat(attempt.status()).isEqualTo(403);
        assertThat(enrollmentOf(s, "vic@viewer.test").status()).isEqualTo(EnrollmentStatus.PENDING);
    }

    @Test
    void approvingAnApplicationCannotLiftASuspension() {
        Setup s = program("Suspension Partners");
        apply(browser(), s, application("Sam Stone", "sam@suspended.test"));
        Enrollment enrollment = enrollmentOf(s, "sam@suspended.test");
        applications.approve(s.workspace(), dev.tandem.workspace.Actor.system(), enrollment.id(), null, "welcome");
        partners.transition(s.workspace(), dev.tandem.workspace.Actor.system(), enrollment.id(),
                EnrollmentStatus.SUSPENDED, "suspected fraud");

        ApiClient.Answer answer = api(s.tenant().apiKey())
                .post("/api/v1/applications/" + applicationIdOf(s, "sam@suspended.test") + "/approve", "{}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("detail").asText()).contains("suspended");
        assertThat(enrollmentOf(s, "sam@suspended.test").status()).isEqualTo(EnrollmentStatus.SUSPENDED);
    }
}
