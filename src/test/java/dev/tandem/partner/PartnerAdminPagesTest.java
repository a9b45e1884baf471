package dev.tandem.partner;

import java.util.Map;

import dev.tandem.program.Tier;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The partners list and a partner's page, as the program's staff use them. */
class PartnerAdminPagesTest extends PartnerTestBase {

    @Test
    void thePartnersListShowsEveryPartnerWithTheirProgramsAndFiltersByProgramAndStatus() {
        Setup s = program("List Partners");
        Setup sameWorkspace = new Setup(s.tenant(), programs.create(s.workspace(), MANAGER, new dev.tandem.program.Programs.Settings(
                "Second Program", dev.tandem.program.ProgramType.AFFILIATE, "", "EUR", "https://acme.test/", java.util.List.of(),
                null, null, "", null)));
        apply(browser(), s, application("Pablo Pending", "pablo@list.test"));
        apply(browser(), sameWorkspace, application("Pablo Pending", "pablo@list.test"));
        apply(browser(), s, application("Rita Rejected", "rita@list.test"));
        applications.reject(s.workspace(), MANAGER, enrollmentOf(s, "rita@list.test").id(), "not now");
        WebClient manager = signedIn(s.tenant());

        WebClient.Page all = manager.get("/admin/partners");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).contains("Pablo Pending").contains("Rita Rejected").contains("Second Program")
                .contains("Pending review").contains("Rejected").contains("1 waiting for review")
                .contains("href=\"/admin/partners\"");
        assertThat(count("select count(*) from partner where workspace_id = ? and email = ?", s.workspace().value(),
                "pablo@list.test")).as("one partner, one login, two programs").isEqualTo(1);

        WebClient.Page rejected = manager.get("/admin/partners?status=rejected");
        assertThat(rejected.body()).contains("Rita Rejected").doesNotContain("Pablo Pending");
        WebClient.Page second = manager.get("/admin/partners?program=" + sameWorkspace.program().id());
        assertThat(second.body()).contains("Pablo Pending").doesNotContain("Rita Rejected");
    }

    @Test
    void aPartnersPageShowsTheirProfileAndMovesThemToAnotherTierWithAReason() {
        Setup s = program("Profile Partners");
        Tier gold = tier(s, "Gold");
        apply(browser(), s, application("Marta Perfil", "marta@profile.test"));
        Enrollment enrollment = enrollmentOf(s, "marta@profile.test");
        WebClient manager = signedIn(s.tenant());

        WebClient.Page page = manager.get("/admin/partners/" + enrollment.partnerId());
        assertThat(page.body()).contains("Marta Perfil").contains("marta@profile.test").contains("+34 600 123 456")
                .contains("Marta Perfil Studio").contains("Profile Partners").contains("Pending review")
                .contains("Fit score").contains("Registered");
        WebClient.Page moved = manager.post("/admin/partners/" + enrollment.partnerId() + "/enrollments/"
                + enrollment.id() + "/tier", Map.of("tierId", gold.id().toString(), "reason", "Big agency"));

        assertThat(moved.status()).isEqualTo(302);
        assertThat(enrollmentOf(s, "marta@profile.test").tierId()).isEqualTo(gold.id());
        assertThat(manager.get("/admin/partners/" + enrollment.partnerId()).body()).contains("Tier changed.")
                .contains("Tier Registered → Gold").contains("Big agency").contains(s.tenant().name() + " Owner");
    }
}
