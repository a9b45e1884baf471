package dev.tandem.referral;

import java.time.Duration;

import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.tracking.LinkId;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's referrals in the portal: only their own, with status and history, and explanations
 * that never name another partner, even one whose touch competed for the same customer.
 */
class ReferralPagesPortalTest extends ReferralPagesBaseTest {

    private ProgramFixtures.Setup acme;
    private WorkspaceId workspace;
    private ProgramFixtures.Member ana;
    private ProgramFixtures.Member bea;
    private LinkId anaLink;
    private LinkId beaLink;
    private Referral carla;
    private Referral elena;

    @BeforeEach
    void twoPartnersCompeting() {
        acme = programs.program("Acme Portal");
        workspace = acme.workspace();
        ana = programs.approvedPartner(acme, "Ana Amaral");
        bea = programs.approvedPartner(acme, "Bea Bianchi");
        anaLink = link(workspace, acme.program(), ana.partner(), "ana");
        beaLink = link(workspace, acme.program(), bea.partner(), "bea");
        carla = lead(workspace, "carla@example.com", "Carla Portal", clicked(workspace, anaLink, Duration.ofHours(5)),
                null).referral();
        // Elena clicked Ana's link first, then Bea's: under last click Bea wins the sale and the referral
        lead(workspace, "elena@example.com", "Elena Esposito", clicked(workspace, anaLink, Duration.ofHours(3)), null);
        elena = sale(workspace, "elena@example.com", clicked(workspace, beaLink, Duration.ofHours(1)), 12000).referral();
    }

    @Test
    void theLosingPartnersTouchWasWeighed() {
        assertThat(elena.partnerId()).isEqualTo(bea.partner().id());
        assertThat(referrals.events(workspace, elena.id()).get(1).attribution().touchpoints())
                .anyMatch(t -> ana.partner().id().equals(t.partnerId()) && "lost".equals(t.outcome()));
    }

    @Test
    void aPartnerListsOnlyTheirOwnReferralsWithStatusAndHistory() {
        WebClient portal = programs.portal(browser(), workspace, ana.partner());

        WebClient.Page page = portal.get("/portal/referrals");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Your referrals", "Carla Portal", "Lead", "data-referral=\"" + carla.id() + "\"")
                .doesNotContain("Elena Esposito").doesNotContain(elena.id().toString());
    }

    @Test
    void thePortalListFiltersByStatusAndSearches() {
        WebClient portal = programs.portal(browser(), workspace, bea.partner());
        lead(workspace, "fabio@example.com", "Fabio Filtro", clicked(workspace, beaLink, Duration.ofHours(2)), null);

        assertThat(portal.get("/portal/referrals?status=customer").body()).contains("Elena Esposito")
                .doesNotContain("Fabio Filtro");
        assertThat(portal.get("/portal/referrals?q=fabio").body()).contains("Fabio Filtro")
                .doesNotContain("Elena Esposito");
        assertThat(portal.get("/portal/referrals?q=carla").body()).contains("No referrals match these filters.");
    }

    @Test
    void theWinnersPageExplainsTheCreditWithoutNamingTheOtherPartner() {
        WebClient portal = programs.portal(browser(), workspace, bea.partner());

        WebClient.Page page = portal.get("/portal/referrals/" + elena.id());

        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Elena Esposito", "Customer", "Touchpoints weighed", "Won", "Lost",
                "Another partner", "You", slugOf(workspace, beaLink));
        assertThat(body).contains("€120.00");
        assertThat(body).doesNotContain("Ana Amaral").doesNotContain(ana.partner().id().toString())
                .doesNotContain(slugOf(workspace, anaLink)).doesNotContain(anaLink.toString())
                .doesNotContain(ana.partner().email());
    }

    @Test
    void anotherPartnersReferralIsNotFound() {
        WebClient portal = programs.portal(browser(), workspace, ana.partner());

        WebClient.Page page = portal.get("/portal/referrals/" + elena.id());

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Elena Esposito");
        assertThat(portal.get("/portal/referrals/ref_nonsense").status()).isEqualTo(404);
    }

    @Test
    void aPartnerSeesTheirOwnReferralsPage() {
        WebClient portal = programs.portal(browser(), workspace, ana.partner());

        String body = portal.get("/portal/referrals/" + carla.id()).body();

        assertThat(body).contains("Carla Portal", "Created as Lead", "You", slugOf(workspace, anaLink));
        assertThat(body).doesNotContain("Bea Bianchi");
    }
}
