package dev.tandem.tracking;

import java.time.Duration;
import java.util.List;

import dev.tandem.core.Language;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.EnrollmentStatusChanged;
import dev.tandem.partner.Partner;
import dev.tandem.partner.Partners;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Every partner approved in a program gets exactly one default link and one referral code there, without asking. */
class LinksApprovalTest extends IntegrationTest {

    @Autowired
    ProgramFixtures fixtures;
    @Autowired
    Links links;
    @Autowired
    Codes codes;
    @Autowired
    Partners partners;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void approvalGivesThePartnerOneDefaultLinkAndOneReferralCode() {
        ProgramFixtures.Setup acme = fixtures.program("Approval");
        ProgramFixtures.Member ana = fixtures.approvedPartner(acme, "Ana Ruiz");

        await().atMost(Duration.ofSeconds(30)).until(() -> count("link", acme.workspace(), ana.partner()) == 1
                && count("referral_code", acme.workspace(), ana.partner()) == 1);

        Link link = links.ofPartner(acme.workspace(), ana.partner().id(), acme.program().id()).get(0);
        assertThat(link.isDefault()).isTrue();
        assertThat(link.slug()).matches("ana-ruiz-[a-z0-9]{4}");
        assertThat(link.destination()).as("follows the program's default destination").isNull();
        assertThat(link.enabled()).isTrue();
        ReferralCode code = codes.activeReferralCode(acme.workspace(), acme.program().id(), ana.partner().id()).orElseThrow();
        assertThat(code.code()).matches("ANA[0-9]{2}");
        assertThat(code.kind()).isEqualTo(CodeKind.REFERRAL);
    }

    @Test
    void aRepeatedApprovalEventChangesNothing() {
        ProgramFixtures.Setup acme = fixtures.program("Repeat");
        ProgramFixtures.Member ben = fixtures.approvedPartner(acme, "Ben Olsen");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("link", acme.workspace(), ben.partner()) == 1
                && count("referral_code", acme.workspace(), ben.partner()) == 1);
        Link first = links.defaultLink(acme.workspace(), acme.program().id(), ben.partner().id());

        transactions.executeWithoutResult(tx -> events.publishEvent(new EnrollmentStatusChanged(acme.workspace(),
                ben.enrollment().id(), acme.program().id(), ben.partner().id(), EnrollmentStatus.PENDING,
                EnrollmentStatus.APPROVED, "")));
        awaitListenersOf(ben.partner());

        assertThat(count("link", acme.workspace(), ben.partner())).isEqualTo(1);
        assertThat(count("referral_code", acme.workspace(), ben.partner())).isEqualTo(1);
        assertThat(links.defaultLink(acme.workspace(), acme.program().id(), ben.partner().id())).isEqualTo(first);
        assertThat(links.referralCode(acme.workspace(), acme.program().id(), ben.partner().id()))
                .isEqualTo(codes.activeReferralCode(acme.workspace(), acme.program().id(), ben.partner().id()).orElseThrow());
    }

    @Test
    void aPendingPartnerGetsNothingUntilApproved() {
        ProgramFixtures.Setup acme = fixtures.program("Pending");
        WorkspaceId workspace = acme.workspace();
        Partner cleo = partners.findOrCreate(workspace, new Partners.NewPartner("cleo@partners.test", "Cléo Dupré", "",
                "", "", Partner.Profile.empty(), Language.EN, null));
        var enrollment = partners.enroll(workspace, ProgramFixtures.MANAGER, acme.program().id(), cleo.id(), null,
                EnrollmentStatus.PENDING, "");
        awaitListenersOf(cleo);
        assertThat(count("link", workspace, cleo)).isZero();
        assertThatThrownBy(() -> links.defaultLink(workspace, acme.program().id(), cleo.id()))
                .isInstanceOf(dev.tandem.core.ConflictException.class);

        partners.transition(workspace, ProgramFixtures.MANAGER, enrollment.id(), EnrollmentStatus.APPROVED, "");

        await().atMost(Duration.ofSeconds(30)).until(() -> count("link", workspace, cleo) == 1);
        assertThat(links.ofPartner(workspace, cleo.id(), null)).extracting(Link::slug)
                .singleElement().asString().startsWith("cleo-dupre-");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("referral_code", workspace, cleo) == 1);
        assertThat(codes.ofPartner(workspace, cleo.id(), null)).extracting(ReferralCode::code)
                .singleElement().asString().matches("CLEO[0-9]{2}");
    }

    @Test
    void proposedCodesAvoidTakenOnesWhateverTheirCase() {
        ProgramFixtures.Setup acme = fixtures.program("Popular");
        List<ProgramFixtures.Member> anas = List.of(fixtures.approvedPartner(acme, "Ana One"),
                fixtures.approvedPartner(acme, "Ana Two"), fixtures.approvedPartner(acme, "Ana Three"));
        for (ProgramFixtures.Member ana : anas) {
            links.referralCode(acme.workspace(), acme.program().id(), ana.partner().id());
        }
        List<String> made = jdbc.sql("select upper(code) from referral_code where workspace_id = ?")
                .param(acme.workspace().value()).query(String.class).list();
        assertThat(made).hasSize(3).doesNotHaveDuplicates().allMatch(c -> c.startsWith("ANA"));
    }

    private long count(String table, WorkspaceId workspace, Partner partner) {
        return jdbc.sql("select count(*) from " + table + " where workspace_id = ? and partner_id = ?")
                .params(workspace.value(), partner.id().value()).query(Long.class).single();
    }

    /** Waits until every listener of this partner's events has run (the link listener among them). */
    private void awaitListenersOf(Partner partner) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from event_publication"
                        + " where completion_date is null and listener_id like '%LinksOnApproval%'"
                        + " and serialized_event like '%' || ? || '%'")
                .param(partner.id().value().toString()).query(Long.class).single() == 0);
    }
}
