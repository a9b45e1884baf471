package dev.tandem.referral;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.partner.Partner;
import dev.tandem.program.Program;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.testing.WebClient;
import dev.tandem.tracking.ClickIds;
import dev.tandem.tracking.LinkId;
import dev.tandem.workspace.Role;
import dev.tandem.workspace.StaffAccounts;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the referral page tests share: a business with a program and partners, and referrals made
 * the way production makes them, by sending events through the real intake (with click ids of
 * links the partners own, or a partner id hint).
 */
abstract class ReferralPagesBaseTest extends IntegrationTest {

    static final String VIEWER_PASSWORD = "a long enough password";

    @Autowired
    ProgramFixtures programs;

    @Autowired
    Intake intake;

    @Autowired
    Referrals referrals;

    @Autowired
    ClickIds clickIds;

    @Autowired
    StaffAccounts accounts;

    /** A link of the partner in the program, as the tracking module stores it. */
    LinkId link(WorkspaceId workspace, Program program, Partner partner, String slugStart) {
        LinkId id = new LinkId(Ids.newId());
        String slug = slugStart + "-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into link (workspace_id, id, program_id, partner_id, slug, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(workspace.value(), id.value(), program.id().value(), partner.id().value(), slug,
                        Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    String slugOf(WorkspaceId workspace, LinkId link) {
        return jdbc.sql("select slug from link where workspace_id = ? and id = ?")
                .params(workspace.value(), link.value()).query(String.class).single();
    }

    /** A click on the link some time ago, as the id the redirect gave the visitor. */
    String clicked(WorkspaceId workspace, LinkId link, Duration ago) {
        return clickIds.issue(workspace, link, Instant.now().minus(ago).truncatedTo(ChronoUnit.SECONDS));
    }

    static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    Intake.Recorded lead(WorkspaceId workspace, String email, String name, String clickId, String partnerId) {
        return send(workspace, new EventInput(unique("lead"), "lead", Instant.now().minusSeconds(60),
                new EventInput.CustomerInput(null, email, name, ""), clickId, null, partnerId, null, null, null, null,
                null));
    }

    Intake.Recorded sale(WorkspaceId workspace, String email, String clickId, long amount) {
        return send(workspace, new EventInput(unique("inv"), "sale", Instant.now().minusSeconds(30),
                new EventInput.CustomerInput(null, email, null, null), clickId, null, null, null, amount, "EUR", null,
                null));
    }

    Intake.Recorded send(WorkspaceId workspace, EventInput input) {
        return intake.record(workspace, ProgramFixtures.MANAGER, input, EventSource.API);
    }

    WebClient staff(ProgramFixtures.Setup s) {
        WebClient browser = browser();
        browser.login(s.tenant().ownerEmail(), Fixtures.PASSWORD);
        return browser;
    }

    /** A viewer of the workspace, signed in. */
    WebClient viewer(ProgramFixtures.Setup s) {
        String email = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        accounts.add(accounts.loadUserByUsername(s.tenant().ownerEmail()), "Vera Viewer", email, Role.VIEWER,
                VIEWER_PASSWORD);
        WebClient browser = browser();
        browser.login(email, VIEWER_PASSWORD);
        return browser;
    }

    String statusOf(WorkspaceId workspace, ReferralId referral) {
        return jdbc.sql("select status from referral where workspace_id = ? and id = ?")
                .params(workspace.value(), referral.value()).query(String.class).single();
    }

    long historyCount(WorkspaceId workspace, ReferralId referral) {
        return jdbc.sql("select count(*) from referral_status_change where workspace_id = ? and referral_id = ?")
                .params(workspace.value(), referral.value()).query(Long.class).single();
    }
}
