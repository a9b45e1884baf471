package dev.tandem.referral;

import java.time.Duration;
import java.util.Map;

import dev.tandem.program.Program;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.tracking.LinkId;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The referral pipeline in the console: the list with filters and search, a referral's page, moving it. */
class ReferralPagesAdminTest extends ReferralPagesBaseTest {

    private ProgramFixtures.Setup acme;
    private WorkspaceId workspace;
    private ProgramFixtures.Member ana;
    private ProgramFixtures.Member bea;
    private LinkId anaLink;
    private Intake.Recorded carlaSale;
    private Referral carla;
    private Referral dario;

    @BeforeEach
    void aProgramWithTwoReferrals() {
        acme = programs.program("Acme Pipeline");
        workspace = acme.workspace();
        ana = programs.approvedPartner(acme, "Ana Alves");
        bea = programs.approvedPartner(acme, "Bea Brandt");
        anaLink = link(workspace, acme.program(), ana.partner(), "ana");
        String click = clicked(workspace, anaLink, Duration.ofHours(3));
        lead(workspace, "carla@example.com", "Carla Cliente", click, null);
        carlaSale = sale(workspace, "carla@example.com", click, 4999);
        carla = carlaSale.referral();
        dario = lead(workspace, "dario@example.com", "Dario Dalla", null, bea.partner().id().toString()).referral();
    }

    @Test
    void theListShowsEveryReferralNewestFirstWithPartnerProgramStatusAndHowItWasAttributed() {
        WebClient.Page page = staff(acme).get("/admin/referrals");

        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Carla Cliente", "carla@example.com", "Ana Alves", "Acme Pipeline", "Customer",
                "Link click");
        assertThat(body).contains("Dario Dalla", "Bea Brandt", "Lead", "Partner named by your system");
        assertThat(body.indexOf("data-referral=\"" + dario.id() + "\""))
                .as("the newer referral comes first")
                .isLessThan(body.indexOf("data-referral=\"" + carla.id() + "\""));
        assertThat(body).contains("href=\"/admin/referrals/" + carla.id() + "\"");
    }

    @Test
    void filtersAndSearchNarrowTheList() {
        WebClient staff = staff(acme);

        String byPartner = staff.get("/admin/referrals?partner=" + bea.partner().id()).body();
        assertThat(byPartner).contains("Dario Dalla").doesNotContain("Carla Cliente");

        String byStatus = staff.get("/admin/referrals?status=customer").body();
        assertThat(byStatus).contains("Carla Cliente").doesNotContain("Dario Dalla");

        String byProgram = staff.get("/admin/referrals?program=" + acme.program().id()).body();
        assertThat(byProgram).contains("Carla Cliente", "Dario Dalla");

        String byEmail = staff.get("/admin/referrals?q=dario%40example").body();
        assertThat(byEmail).contains("Dario Dalla").doesNotContain("Carla Cliente");

        String byName = staff.get("/admin/referrals?q=carla").body();
        assertThat(byName).contains("Carla Cliente").doesNotContain("Dario Dalla");

        String nothing = staff.get("/admin/referrals?q=nobody-at-all&status=lead").body();
        assertThat(nothing).contains("No referrals match these filters.").doesNotContain("data-referral=");
    }

    @Test
    void aWorkspaceWithoutReferralsIsToldWhatToDoNext() {
        ProgramFixtures.Setup empty = programs.program("Empty Co");

        String body = staff(empty).get("/admin/referrals").body();

        assertThat(body).contains("No referrals yet", "POST /api/v1/events", "href=\"/api/docs/ui\"");
    }

    @Test
    void aReferralsPageShowsCustomerPartnerEventsExplanationAndHistory() {
        WebClient.Page page = staff(acme).get("/admin/referrals/" + carla.id());

        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Carla Cliente", "carla@example.com", "Acme Pipeline");
        assertThat(body).contains("href=\"/admin/partners/" + ana.partner().id() + "\"");
        assertThat(body).as("the sale with its amount in the reader's format").contains("Sale", "€49.99");
        assertThat(body).contains("Touchpoints weighed", "Won", "Link click", slugOf(workspace, anaLink));
        assertThat(body).contains(HtmlUtils.htmlEscape(carlaSale.event().attribution().reason()));
        assertThat(body).contains("Created as Lead", "Lead → Customer");
        assertThat(body).doesNotContain("\"touchpoints\"");
    }

    @Test
    void moneyAndStatusesFollowTheReadersLanguage() {
        String body = staff(acme).acceptLanguage("es").get("/admin/referrals/" + carla.id()).body();

        assertThat(body).contains("49,99", "€", "Venta", "Cliente", "Puntos de contacto considerados");
    }

    @Test
    void movingAReferralToLostRecordsWhoWhenAndWhy() {
        WebClient staff = staff(acme);
        staff.get("/admin/referrals/" + dario.id());
        long before = historyCount(workspace, dario.id());

        WebClient.Page moved = staff.post("/admin/referrals/" + dario.id() + "/status",
                Map.of("status", "lost", "reason", "Chose a competitor"));

        assertThat(moved.location()).isEqualTo("/admin/referrals/" + dario.id());
        assertThat(statusOf(workspace, dario.id())).isEqualTo("lost");
        assertThat(historyCount(workspace, dario.id())).isEqualTo(before + 1);
        String page = staff.get(moved.location()).body();
        assertThat(page).contains("Referral moved.", "Lead → Lost", "Chose a competitor", acme.tenant().name() + " Owner");
    }

    @Test
    void aMoveWithoutAStatusIsRefusedOnTheFieldAndChangesNothing() {
        WebClient staff = staff(acme);
        staff.get("/admin/referrals/" + dario.id());
        long before = historyCount(workspace, dario.id());

        WebClient.Page refused = staff.post("/admin/referrals/" + dario.id() + "/status", Map.of("status", "",
                "reason", "whatever"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("field invalid").contains("Choose the status to move the referral to.");
        assertThat(statusOf(workspace, dario.id())).isEqualTo("lead");
        assertThat(historyCount(workspace, dario.id())).isEqualTo(before);
    }

    @Test
    void aMoveTheServiceRefusesShowsItsReasonOnTheFieldInTheReadersLanguageAndChangesNothing() {
        WebClient staff = staff(acme).acceptLanguage("es");
        staff.get("/admin/referrals/" + dario.id());
        long before = historyCount(workspace, dario.id());

        // a lead that never bought cannot churn
        WebClient.Page refused = staff.post("/admin/referrals/" + dario.id() + "/status",
                Map.of("status", "churned", "reason", "Left"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("field invalid").contains("id=\"move-status-error\"")
                .contains("Un referido no puede pasar de Lead a Dado de baja.");
        assertThat(refused.body()).doesNotContain("Referido movido.");
        assertThat(statusOf(workspace, dario.id())).isEqualTo("lead");
        assertThat(historyCount(workspace, dario.id())).isEqualTo(before);
    }

    @Test
    void losingAReferralNeedsAReasonAndWithoutOneNothingChanges() {
        WebClient staff = staff(acme);
        staff.get("/admin/referrals/" + dario.id());
        long before = historyCount(workspace, dario.id());

        WebClient.Page refused = staff.post("/admin/referrals/" + dario.id() + "/status",
                Map.of("status", "lost", "reason", " "));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Say why the referral moves to Lost");
        assertThat(statusOf(workspace, dario.id())).isEqualTo("lead");
        assertThat(historyCount(workspace, dario.id())).isEqualTo(before);
    }

    @Test
    void aViewerReadsTheListAndAReferralButCannotMoveIt() {
        WebClient viewer = viewer(acme);

        assertThat(viewer.get("/admin/referrals").body()).contains("Carla Cliente");
        WebClient.Page detail = viewer.get("/admin/referrals/" + dario.id());
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("Dario Dalla").doesNotContain("Move this referral");

        WebClient.Page post = viewer.post("/admin/referrals/" + dario.id() + "/status",
                Map.of("status", "lost", "reason", "Viewer tried"));

        assertThat(post.status()).isEqualTo(403);
        assertThat(statusOf(workspace, dario.id())).isEqualTo("lead");
    }

    @Test
    void anotherWorkspacesReferralIsNotFound() {
        ProgramFixtures.Setup globex = programs.program("Globex");

        assertThat(staff(globex).get("/admin/referrals/" + carla.id()).status()).isEqualTo(404);
        assertThat(staff(globex).get("/admin/referrals").body()).doesNotContain("Carla Cliente");
    }

    @Test
    void anotherProgramsReferralsAreFilteredOut() {
        Program second = programs.anotherProgram(acme.tenant(), "Second Program");

        String body = staff(acme).get("/admin/referrals?program=" + second.id()).body();

        assertThat(body).contains("No referrals match these filters.").doesNotContain("Carla Cliente");
    }
}
