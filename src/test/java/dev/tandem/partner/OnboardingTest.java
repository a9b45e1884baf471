package dev.tandem.partner;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.core.Language;
import dev.tandem.program.AgreementVersion;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.Role;
import dev.tandem.workspace.StaffAccounts;
import dev.tandem.workspace.StaffPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Onboarding checklists: the manager orders the steps; Tandem ticks the ones it sees happen, the
 * partner ticks the others; both sides see the progress, and the manager sees who is stuck where.
 */
class OnboardingTest extends PortalScenarioTest {

    @Autowired
    StaffAccounts staff;

    @Autowired
    AgreementAcceptances acceptances;

    @Autowired
    PayoutDetails payoutDetails;

    @Test
    void tandemTicksWhatItSeesAndThePartnerTicksTheRest() {
        Business acme = business("Acme Onboarding");
        String email = email("ana");
        Enrollment enrollment = approvedPartner(acme, email, "Ana");
        AgreementVersion terms = publish(acme.workspace(), acme.program(), null, "Terms", "Be nice.");
        OnboardingStep accept = step(acme, OnboardingStepKind.ACCEPT_AGREEMENT, "Accept the agreement", null);
        OnboardingStep profile = step(acme, OnboardingStepKind.COMPLETE_PROFILE, "Complete your profile", null);
        OnboardingStep payout = step(acme, OnboardingStepKind.ADD_PAYOUT_DETAILS, "Add payout details", null);
        OnboardingStep persona = step(acme, OnboardingStepKind.READ_PAGE, "Read the buyer persona",
                "https://acme.example.com/persona");
        OnboardingStep link = step(acme, OnboardingStepKind.CREATE_FIRST_LINK, "Create your first link", null);

        WebClient browser = signedIn(acme.workspace(), email);
        WebClient.Page start = browser.get("/portal/onboarding");
        assertThat(start.body()).contains("0 of 5 steps done").contains("Read the buyer persona")
                .contains("href=\"https://acme.example.com/persona\"")
                .contains("Ticked when you accept the agreement");
        assertThat(browser.get("/portal").body()).contains("0 of 5 steps done");

        browser.get("/portal/profile");
        browser.post("/portal/profile", Map.of("name", "Ana", "phone", "+34 600 000 000", "company", "",
                "website", "", "language", "en"));
        assertThat(done(enrollment)).as("a profile without a company is not complete").isEmpty();
        browser.post("/portal/profile", Map.of("name", "Ana", "phone", "+34 600 000 000", "company", "Ruiz SL",
                "website", "https://ruiz.example.com", "language", "en"));
        browser.get("/portal/payout");
        browser.post("/portal/payout", Map.of("method", "paypal", "email", "ana@example.com"));
        acceptances.accept(PartnerPrincipal.of(partners.get(acme.workspace(), enrollment.partnerId())), enrollment.id(),
                terms.id(), "203.0.113.9", "test");
        assertThat(done(enrollment)).containsExactlyInAnyOrder(
                "system:" + accept.id(), "system:" + profile.id(), "system:" + payout.id());

        WebClient.Page refused = browser.post("/portal/onboarding/" + enrollment.id() + "/steps/" + link.id(), Map.of());
        assertThat(browser.get(refused.location()).body()).contains("ticked automatically when it happens");
        browser.post("/portal/onboarding/" + enrollment.id() + "/steps/" + persona.id(), Map.of());
        assertThat(done(enrollment)).contains("partner:" + persona.id()).hasSize(4);

        onboarding.systemDone(acme.workspace(), enrollment.partnerId(), OnboardingStepKind.CREATE_FIRST_LINK);
        WebClient.Page end = browser.get("/portal/onboarding");
        assertThat(end.body()).contains("5 of 5 steps done").contains("ticked by you");
        assertThat(browser.get("/portal").body()).contains("5 of 5 steps done");
    }

    @Test
    void theManagerSeesWhoIsStuckOnWhichStep() {
        Business acme = business("Acme Stuck");
        OnboardingStep video = step(acme, OnboardingStepKind.WATCH_VIDEO, "Watch the product video",
                "https://acme.example.com/video");
        OnboardingStep payout = step(acme, OnboardingStepKind.ADD_PAYOUT_DETAILS, "Add payout details", null);
        String anaEmail = email("ana");
        String benEmail = email("ben");
        approvedPartner(acme, anaEmail, "Ana Stuck");
        Enrollment ben = approvedPartner(acme, benEmail, "Ben Done");
        enroll(acme.workspace(), acme.program(), partner(acme.workspace(), email("pending"), "Pat Pending", Language.EN),
                EnrollmentStatus.PENDING);

        WebClient benBrowser = signedIn(acme.workspace(), benEmail);
        benBrowser.get("/portal/onboarding");
        benBrowser.post("/portal/onboarding/" + ben.id() + "/steps/" + video.id(), Map.of());
        benBrowser.get("/portal/payout");
        benBrowser.post("/portal/payout", Map.of("method", "manual"));

        OnboardingBoard board = onboarding.board(acme.workspace(), acme.program().id());
        assertThat(board.rows()).extracting(r -> r.partner().name()).containsExactly("Ana Stuck", "Ben Done");
        assertThat(board.rows().get(0).progress().stuckOn()).isEqualTo(video);
        assertThat(board.rows().get(1).progress().stuckOn()).isNull();
        assertThat(board.stuckOn(video)).isEqualTo(1);
        assertThat(board.stuckOn(payout)).isZero();
        assertThat(board.completeCount()).isEqualTo(1);

        WebClient owner = browser();
        owner.login(acme.tenant().ownerEmail(), Fixtures.PASSWORD);
        WebClient.Page page = owner.get("/admin/programs/" + acme.program().id() + "/onboarding");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Onboarding: Acme Stuck Partners").contains("1 of 2 approved partners")
                .doesNotContain("Pat Pending");
        assertThat(row(page.body(), anaEmail)).contains("0 / 2").contains("Watch the product video");
        assertThat(row(page.body(), benEmail)).contains("2 / 2").contains("Finished");
    }

    @Test
    void managersOrderTheStepsAndViewersOnlyLook() {
        Business acme = business("Acme Steps");
        WebClient owner = browser();
        owner.login(acme.tenant().ownerEmail(), Fixtures.PASSWORD);
        String base = "/admin/programs/" + acme.program().id() + "/onboarding";
        owner.get(base);

        WebClient.Page invalid = owner.post(base + "/steps", Map.of("kind", "read_page", "title", "", "url", "ftp://x"));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("Title is required")
                .contains("must be a web address starting with http:// or https://");
        assertThat(owner.post(base + "/steps", Map.of("kind", "read_page", "title", "Read the persona", "url",
                "https://acme.example.com/p")).location()).isEqualTo(base);
        owner.post(base + "/steps", Map.of("kind", "watch_video", "title", "Watch the video", "url", ""));
        owner.post(base + "/steps", Map.of("kind", "custom", "title", "Say hello in the forum", "url", ""));
        List<OnboardingStep> steps = onboarding.steps(acme.workspace(), acme.program().id());
        assertThat(steps).extracting(OnboardingStep::title)
                .containsExactly("Read the persona", "Watch the video", "Say hello in the forum");

        owner.get(base);
        owner.post(base + "/steps/" + steps.get(2).id() + "/up", Map.of());
        owner.post(base + "/steps/" + steps.get(0).id() + "/remove", Map.of());
        assertThat(onboarding.steps(acme.workspace(), acme.program().id())).extracting(OnboardingStep::title)
                .containsExactly("Say hello in the forum", "Watch the video");

        var ownerPrincipal = staff.loadUserByUsername(acme.tenant().ownerEmail());
        String viewerEmail = email("viewer");
        staff.add((StaffPrincipal) ownerPrincipal, "Vic Viewer", viewerEmail, Role.VIEWER,
                Fixtures.PASSWORD);
        WebClient viewer = browser();
        viewer.login(viewerEmail, Fixtures.PASSWORD);
        WebClient.Page readOnly = viewer.get(base);
        assertThat(readOnly.status()).isEqualTo(200);
        assertThat(readOnly.body()).contains("Say hello in the forum").doesNotContain("Add step").doesNotContain("Move up");
        assertThat(viewer.post(base + "/steps", Map.of("kind", "custom", "title", "Sneaky", "url", "")).status())
                .isEqualTo(403);

        Business other = business("Other Steps");
        WebClient stranger = browser();
        stranger.login(other.tenant().ownerEmail(), Fixtures.PASSWORD);
        assertThat(stranger.get(base).status()).as("another workspace's program").isEqualTo(404);
    }

    @Test
    void stepsTandemCanAlreadyTellAreDoneAreTickedWhenAddedAndWhenAPartnerJoins() {
        Business acme = business("Acme Catch Up");
        String email = email("cat");
        Enrollment early = approvedPartner(acme, email, "Cat");
        payoutDetails.save(acme.workspace(), Actor.system(), early.partnerId(), new PayoutDetailsInput.Manual());

        OnboardingStep payout = step(acme, OnboardingStepKind.ADD_PAYOUT_DETAILS, "Add payout details", null);
        assertThat(done(early)).containsExactly("system:" + payout.id());

        var second = program(acme.workspace(), "Acme Catch Up Resellers");
        OnboardingStep payoutThere = onboarding.addStep(acme.workspace(), Actor.system(), second.id(),
                OnboardingStepKind.ADD_PAYOUT_DETAILS, "Payout details", null);
        Enrollment later = enroll(acme.workspace(), second, partners.get(acme.workspace(), early.partnerId()),
                EnrollmentStatus.PENDING);
        // the catch-up runs after the commit: wait until it has seen the pending enrollment, then nothing is ticked
        await().until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null"
                        + " and listener_id like '%OnboardingCatchUp%' and serialized_event like '%' || ? || '%'")
                .param(later.id().value().toString()).query(Integer.class).single() == 0);
        assertThat(done(later)).as("a pending partner has not joined yet").isEmpty();
        partners.transition(acme.workspace(), Actor.system(), later.id(), EnrollmentStatus.APPROVED, "welcome");
        await().untilAsserted(() -> assertThat(done(later)).containsExactly("system:" + payoutThere.id()));
    }

    private OnboardingStep step(Business business, OnboardingStepKind kind, String title, String url) {
        return onboarding.addStep(business.workspace(), Actor.system(), business.program().id(), kind, title, url);
    }

    /** The enrollment's ticks as "by:stepId". */
    private List<String> done(Enrollment enrollment) {
        return jdbc.sql("select done_by || ':' || step_id from onboarding_progress where enrollment_id = ?")
                .param(enrollment.id().value()).query(String.class).list().stream()
                .map(s -> s.substring(0, s.indexOf(':') + 1) + new OnboardingStepId(UUID.fromString(
                        s.substring(s.indexOf(':') + 1))))
                .toList();
    }

    private static String row(String html, String email) {
        Matcher row = Pattern.compile("<tr data-partner=\"" + Pattern.quote(email) + "\">([\\s\\S]*?)</tr>").matcher(html);
        assertThat(row.find()).as("a row for %s", email).isTrue();
        return row.group(1);
    }
}
