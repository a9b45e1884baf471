package dev.tandem.partner;

import java.util.Map;

import dev.tandem.core.Language;
import dev.tandem.notification.Email;
import dev.tandem.program.Tier;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Outbound recruitment: a manager invites a person by email, pre-approved into a tier. */
class InvitationsTest extends PartnerTestBase {

    @Test
    void anInvitationFromThePageCreatesAnInvitedEnrollmentInTheTierAndEmailsALinkInTheChosenLanguage() {
        Setup s = program("Invite Partners");
        Tier gold = tier(s, "Gold");
        WebClient manager = signedIn(s.tenant());
        assertThat(manager.get("/admin/partners").body())
                .contains("/admin/programs/" + s.program().id() + "/invite")
                .contains("/admin/programs/" + s.program().id() + "/applications");
        manager.get("/admin/programs/" + s.program().id() + "/invite");

        WebClient.Page sent = manager.post("/admin/programs/" + s.program().id() + "/invite",
                Map.of("email", "Nils@Invited.test", "name", "Nils Berg", "tierId", gold.id().toString(), "language", "NB"));

        assertThat(sent.status()).isEqualTo(302);
        assertThat(manager.get(sent.location()).body()).contains("Invitation sent to Nils@Invited.test.");
        Enrollment enrollment = enrollmentOf(s, "nils@invited.test");
        assertThat(enrollment.status()).isEqualTo(EnrollmentStatus.INVITED);
        assertThat(enrollment.tierId()).isEqualTo(gold.id());
        assertThat(enrollment.statusReason()).isEqualTo("invited by " + s.tenant().name() + " Owner");
        Email email = latestEmailTo(s, "nils@invited.test");
        assertThat(email.template()).isEqualTo("invitation");
        assertThat(email.language()).isEqualTo(Language.NB);
        assertThat(email.subject()).isEqualTo("Du er invitert til å bli partner hos Invite Partners");
        assertThat(email.bodyText()).contains("Hei Nils Berg,").contains("forhåndsgodkjent på nivået Gold")
                .contains("20% of every paid invoice").containsPattern("/portal/login/[A-Za-z0-9_-]{20,}")
                .contains("utløper om 7 dager");
    }

    @Test
    void invitingSomeoneAlreadyInTheProgramIsRefusedOnTheEmailField() {
        Setup s = program("Again Partners");
        apply(browser(), s, application("Ada Applied", "ada@again.test"));
        WebClient manager = signedIn(s.tenant());
        manager.get("/admin/programs/" + s.program().id() + "/invite");

        WebClient.Page refused = manager.post("/admin/programs/" + s.program().id() + "/invite",
                Map.of("email", "ada@again.test", "name", "Ada", "tierId", "", "language", "EN"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Email is already in this program");
        assertThat(enrollmentOf(s, "ada@again.test").status()).isEqualTo(EnrollmentStatus.PENDING);
    }

    @Test
    void anInvalidInvitationNamesTheField() {
        Setup s = program("Invalid Invite Partners");
        WebClient manager = signedIn(s.tenant());
        manager.get("/admin/programs/" + s.program().id() + "/invite");

        WebClient.Page refused = manager.post("/admin/programs/" + s.program().id() + "/invite",
                Map.of("email", "not an email", "name", "X", "tierId", "", "language", "EN"));

        assertThat(refused.body()).contains("Email must be an email address");
        assertThat(count("select count(*) from partner where workspace_id = ?", s.workspace().value())).isZero();
    }

    @Test
    void anInvitationThroughTheApiAnswersThePartnerWithAnInvitedEnrollment() {
        Setup s = program("Api Invite Partners");

        ApiClient.Answer answer = api(s.tenant().apiKey()).post("/api/v1/programs/" + s.program().id() + "/invitations",
                "{\"email\": \"ines@api.test\", \"name\": \"Inés\", \"language\": \"es\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("id").asString()).startsWith("ptr_");
        assertThat(answer.json().get("enrollment").get("status").asString()).isEqualTo("invited");
        assertThat(answer.json().get("enrollment").get("tierId").asString())
                .isEqualTo(programs.defaultTier(s.workspace(), s.program().id()).id().toString());
        assertThat(latestEmailTo(s, "ines@api.test").subject()).isEqualTo("Te invitamos a ser partner de Api Invite Partners");
    }
}
