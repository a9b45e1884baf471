package dev.tandem.referral;

import java.util.Map;
import java.util.UUID;

import dev.tandem.notification.Email;
import dev.tandem.partner.Partner;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner claims a customer who came from them; a manager accepts (the customer becomes theirs) or declines. */
class ClaimTest extends DealTestBase {

    static Map<String, String> form(ProgramFixtures.Setup s, String email, String evidence) {
        return Map.of("programId", s.program().id().toString(), "customerEmail", email, "customerName",
                "Carla Customer", "evidence", evidence);
    }

    @Test
    void aPartnerClaimsACustomerInThePortalAndSeesItWaiting() {
        ProgramFixtures.Setup s = programs.program("Acme Claims");
        Partner bo = programs.approvedPartner(s, "Bo Lind").partner();
        WebClient browser = portal(s, bo);
        String email = prospect("carla", "example.com");

        browser.get("/portal/deals");
        WebClient.Page posted = browser.post("/portal/claims", form(s, email, "Lunch on 3 May."));

        assertThat(posted.location()).isEqualTo("/portal/deals#claims");
        Map<String, Object> row = jdbc.sql("select * from referral_claim where partner_id = ?")
                .param(bo.id().value()).query().singleRow();
        assertThat(row).containsEntry("customer_email", email).containsEntry("evidence", "Lunch on 3 May.")
                .containsEntry("status", "submitted");
        assertThat(browser.get("/portal/deals").body()).contains("Your claim is sent").contains(email)
                .contains("Waiting for a decision");
        assertThat(audited(s.workspace(), "claim.submitted", new ClaimId((UUID) row.get("id")).toString()))
                .isEqualTo(1);
    }

    @Test
    void badClaimInputIsShownNextToTheFieldsAndNothingIsStored() {
        ProgramFixtures.Setup s = programs.program("Acme Bad Claims");
        Partner bo = programs.approvedPartner(s, "Bo Lind").partner();
        WebClient browser = portal(s, bo);
        browser.get("/portal/deals");

        WebClient.Page page = browser.post("/portal/claims", form(s, "carla-at-example", " "));
        WebClient.Page tooLong = browser.post("/portal/claims", form(s, "carla@example.com", "x".repeat(4001)));

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("Customer email must be an email address").contains("Evidence is required");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("Evidence is too long");
        assertThat(jdbc.sql("select count(*) from referral_claim where partner_id = ?").param(bo.id().value())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void acceptingAClaimCreditsTheCustomerToTheClaimingPartner() {
        ProgramFixtures.Setup s = programs.program("Acme Credit");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        Partner bo = programs.approvedPartner(s, "Bo Lind").partner();
        String email = prospect("carla", domain("Umbrella"));
        sale(s, email, ana);
        ReferralClaim claim = claimed(s, bo, email);
        WebClient admin = staff(s);

        String queue = admin.get("/admin/claims").body();
        assertThat(queue).contains(email).contains("Bo Lind").contains("I introduced Carla")
                .contains("Ana Ruiz since").contains("href=\"/admin/deals\"");
        WebClient.Page accepted = admin.post("/admin/claims/" + claim.id() + "/accept", Map.of("reason", ""));

        assertThat(accepted.location()).isEqualTo("/admin/claims");
        assertThat(claimStatus(claim.id())).isEqualTo("accepted");
        Referrals.Row now = referrals.existingReferral(s.workspace(), s.program().id(), email).orElseThrow();
        assertThat(now.referral().partnerId()).isEqualTo(bo.id());
        assertThat(now.referral().attributedBy()).isEqualTo("claim");
        assertThat(now.partnerName()).isEqualTo("Bo Lind");
        assertThat(claims.get(s.workspace(), claim.id()).claim().referralId()).isEqualTo(now.referral().id());
        Email email1 = lastEmailTo(s.workspace(), bo.email()).orElseThrow();
        assertThat(email1.template()).isEqualTo("claim-decided");
        assertThat(email1.subject()).contains(email);
        assertThat(email1.bodyText()).contains("was accepted");
        assertThat(audited(s.workspace(), "claim.accepted", claim.id().toString())).isEqualTo(1);
        assertThat(portal(s, bo).get("/portal/deals").body()).contains("Accepted");
    }

    @Test
    void acceptingAClaimOnANewCustomerCreatesTheirReferral() {
        ProgramFixtures.Setup s = programs.program("Acme Fresh");
        Partner bo = programs.approvedPartner(s, "Bo Lind").partner();
        String email = prospect("dina", "example.com");
        ReferralClaim claim = claimed(s, bo, email);

        claims.accept(s.workspace(), ProgramFixtures.MANAGER, claim.id(), "Checked with sales.");

        Referrals.Row row = referrals.existingReferral(s.workspace(), s.program().id(), email).orElseThrow();
        assertThat(row.referral().partnerId()).isEqualTo(bo.id());
        assertThat(row.referral().attributedBy()).isEqualTo("claim");
    }

    @Test
    void decliningNeedsAReasonAndTellsThePartner() {
        ProgramFixtures.Setup s = programs.program("Acme Decline");
        Partner bo = programs.approvedPartner(s, "Bo Lind").partner();
        ReferralClaim claim = claimed(s, bo, prospect("carla", "example.com"));
        WebClient admin = staff(s);
        admin.get("/admin/claims");

        WebClient.Page refused = admin.post("/admin/claims/" + claim.id() + "/decline", Map.of("reason", ""));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Reason is required");
        assertThat(claimStatus(claim.id())).isEqualTo("submitted");
        assertThat(lastEmailTo(s.workspace(), bo.email())).isEmpty();

        admin.post("/admin/claims/" + claim.id() + "/decline", Map.of("reason", "The customer came through ads."));
        assertThat(claimStatus(claim.id())).isEqualTo("declined");
        assertThat(lastEmailTo(s.workspace(), bo.email()).orElseThrow().bodyText()).contains("was declined")
                .contains("The customer came through ads.");
        assertThat(audited(s.workspace(), "claim.declined", claim.id().toString())).isEqualTo(1);
        assertThat(admin.get("/admin/claims").body()).contains("Declined").contains("The customer came through ads.");
        assertThat(portal(s, bo).get("/portal/deals").body()).contains("Declined")
                .contains("The customer came through ads.");
    }

    @Test
    void aPartnerSeesOnlyTheirOwnClaims() {
        ProgramFixtures.Setup s = programs.program("Acme Own Claims");
        Partner ana = programs.approvedPartner(s, "Ana Ruiz").partner();
        Partner bo = programs.approvedPartner(s, "Bo Lind").partner();
        String anas = prospect("anas-customer", "example.com");
        String bos = prospect("bos-customer", "example.com");
        claimed(s, ana, anas);
        claimed(s, bo, bos);

        String page = portal(s, bo).get("/portal/deals").body();
        assertThat(page).contains(bos).doesNotContain(anas);
    }
}
