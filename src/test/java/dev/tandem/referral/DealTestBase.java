package dev.tandem.referral;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.notification.Email;
import dev.tandem.notification.Emails;
import dev.tandem.partner.Partner;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the deal registration and claim tests share: a business with a program and approved
 * partners, partners signed in to the portal, staff signed in to the admin, customers referred
 * through the real intake, and a look at the last email a partner got.
 */
abstract class DealTestBase extends IntegrationTest {

    @Autowired
    ProgramFixtures programs;

    @Autowired
    Deals deals;

    @Autowired
    Claims claims;

    @Autowired
    Intake intake;

    @Autowired
    Referrals referrals;

    @Autowired
    Emails emails;

    WebClient portal(ProgramFixtures.Setup s, Partner partner) {
        return programs.portal(browser(), s.workspace(), partner);
    }

    WebClient staff(ProgramFixtures.Setup s) {
        WebClient browser = browser();
        browser.login(s.tenant().ownerEmail(), Fixtures.PASSWORD);
        return browser;
    }

    static String prospect(String name, String domain) {
        return name + "." + UUID.randomUUID().toString().substring(0, 6) + "@" + domain;
    }

    static String domain(String company) {
        return company.toLowerCase().replaceAll("[^a-z]+", "") + "-" + UUID.randomUUID().toString().substring(0, 6)
                + ".test";
    }

    /** A registration made by the service, as the portal form makes it. */
    DealRegistration registered(ProgramFixtures.Setup s, Partner partner, String company, String email) {
        return deals.register(s.workspace(), partner.id(), new Deals.Registration(s.program().id().toString(), company,
                "Hank Scorpio", email, "12,500.00", "", "Met at the fair."));
    }

    ReferralClaim claimed(ProgramFixtures.Setup s, Partner partner, String email) {
        return claims.submit(s.workspace(), partner.id(), new Claims.Submission(s.program().id().toString(), email,
                "Carla Customer", "I introduced Carla to the product over lunch on 3 May."));
    }

    /** A customer who bought, credited to {@code partner} through the intake's partner hint. */
    Intake.Recorded sale(ProgramFixtures.Setup s, String email, Partner partner) {
        return intake.record(s.workspace(), ProgramFixtures.MANAGER, new EventInput(
                "sale_" + UUID.randomUUID(), "sale", Instant.now().minusSeconds(60),
                new EventInput.CustomerInput(null, email, "Carla Customer", ""), null, null, partner.id().toString(),
                s.program().id().toString(), 4999L, "EUR", null, Map.of()), EventSource.API);
    }

    Optional<Email> lastEmailTo(WorkspaceId workspace, String address) {
        return emails.latestTo(workspace, address);
    }

    String dealStatus(DealId id) {
        return jdbc.sql("select status from deal_registration where id = ?").param(id.value()).query(String.class)
                .single();
    }

    String claimStatus(ClaimId id) {
        return jdbc.sql("select status from referral_claim where id = ?").param(id.value()).query(String.class)
                .single();
    }

    int audited(WorkspaceId workspace, String action, String subject) {
        return jdbc.sql("select count(*) from audit_event where workspace_id = ? and action = ? and subject = ?")
                .params(workspace.value(), action, subject).query(Integer.class).single();
    }
}
