package dev.tandem.referral;

import java.util.Map;

import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Events nobody got the credit for: listed with the reason, and given to a partner by hand. */
class ReferralPagesUnattributedTest extends ReferralPagesBaseTest {

    private ProgramFixtures.Setup acme;
    private WorkspaceId workspace;
    private ProgramFixtures.Member ana;
    private ConversionEvent orphan;

    @BeforeEach
    void anEventWithoutHints() {
        acme = programs.program("Acme Orphans");
        workspace = acme.workspace();
        ana = programs.approvedPartner(acme, "Ana Orphan");
        orphan = lead(workspace, "olga@example.com", "Olga Orfana", null, null).event();
    }

    @Test
    void anEventWithoutHintsIsListedWithTheReasonNobodyGotTheCredit() {
        assertThat(orphan.partnerId()).isNull();
        WebClient staff = staff(acme);

        String list = staff.get("/admin/referrals").body();
        assertThat(list).contains("href=\"/admin/referrals/unattributed\"").containsPattern("data-unattributed[^>]*>1<");

        WebClient.Page page = staff.get("/admin/referrals/unattributed");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-event=\"" + orphan.id() + "\"", "Olga Orfana", "olga@example.com",
                "Why nobody got the credit", HtmlUtils.htmlEscape(orphan.attribution().reason()));
        assertThat(page.body()).as("the program's approved partners to choose from")
                .contains("value=\"" + ana.partner().id() + "\"");
    }

    @Test
    void assigningTheEventToAPartnerCreatesTheReferral() {
        WebClient staff = staff(acme);
        staff.get("/admin/referrals/unattributed");

        WebClient.Page assigned = staff.post("/admin/referrals/unattributed/" + orphan.id() + "/assign",
                Map.of("partner", ana.partner().id().toString(), "reason", "She told us on the phone"));

        assertThat(assigned.location()).isEqualTo("/admin/referrals/unattributed");
        ConversionEvent now = referrals.event(workspace, orphan.id());
        assertThat(now.partnerId()).isEqualTo(ana.partner().id());
        assertThat(now.referralId()).isNotNull();
        Referral referral = referrals.get(workspace, now.referralId());
        assertThat(referral.partnerId()).isEqualTo(ana.partner().id());
        String page = staff.get("/admin/referrals/unattributed").body();
        assertThat(page).contains("Event assigned.", "href=\"/admin/referrals/" + referral.id() + "\"")
                .doesNotContain("data-event=\"" + orphan.id() + "\"");
        assertThat(staff.get("/admin/referrals").body()).contains("Olga Orfana", "Ana Orphan");
    }

    @Test
    void assigningWithoutAPartnerIsRefusedNextToThatEventAndChangesNothing() {
        WebClient staff = staff(acme);
        staff.get("/admin/referrals/unattributed");

        WebClient.Page refused = staff.post("/admin/referrals/unattributed/" + orphan.id() + "/assign",
                Map.of("partner", "", "reason", "No idea"));

        assertThat(refused.location()).isEqualTo("/admin/referrals/unattributed#" + orphan.id());
        String page = staff.get("/admin/referrals/unattributed").body();
        assertThat(page).contains("Choose the partner who gets the credit.", "id=\"partner-error-" + orphan.id() + "\"");
        assertThat(referrals.event(workspace, orphan.id()).partnerId()).isNull();
        assertThat(countReferrals()).isZero();
    }

    @Test
    void aViewerSeesTheEventsButCannotAssignThem() {
        WebClient viewer = viewer(acme);

        WebClient.Page page = viewer.get("/admin/referrals/unattributed");
        assertThat(page.body()).contains("Olga Orfana").doesNotContain("/assign");

        WebClient.Page post = viewer.post("/admin/referrals/unattributed/" + orphan.id() + "/assign",
                Map.of("partner", ana.partner().id().toString(), "reason", "Viewer tried"));

        assertThat(post.status()).isEqualTo(403);
        assertThat(referrals.event(workspace, orphan.id()).partnerId()).isNull();
    }

    private long countReferrals() {
        return jdbc.sql("select count(*) from referral where workspace_id = ?").param(workspace.value())
                .query(Long.class).single();
    }
}
