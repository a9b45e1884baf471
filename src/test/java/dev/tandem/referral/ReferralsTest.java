package dev.tandem.referral;

import java.util.List;

import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.PageRequest;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.workspace.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The referral pipeline and credit given by hand, through the services other modules and pages call. */
@RecordApplicationEvents
class ReferralsTest extends IntakeBaseTest {

    static final Actor MIA = new Actor(Actor.Kind.STAFF, null, "Mia Manager");

    @Autowired
    Intake intake;

    @Autowired
    Referrals referrals;

    @Autowired
    ApplicationEvents published;

    @Test
    void everyStoredEventIsPublishedAndEveryStatusChangeToo() {
        ProgramFixtures.Setup s = programs.program("Published");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");

        Intake.Recorded lead = intake.record(s.workspace(), MIA, input("l1", "lead", null, ana), EventSource.HOSTED_PAGE);
        Intake.Recorded sale = intake.record(s.workspace(), MIA, input("s1", "sale", 4999L, ana), EventSource.API);
        Intake.Recorded replay = intake.record(s.workspace(), MIA, input("s1", "sale", 4999L, ana), EventSource.API);

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.event().id()).isEqualTo(sale.event().id());
        assertThat(lead.event().source()).isEqualTo(EventSource.HOSTED_PAGE);
        List<ConversionRecorded> recorded = published.stream(ConversionRecorded.class).toList();
        assertThat(recorded).extracting(ConversionRecorded::eventId)
                .containsExactly(lead.event().id(), sale.event().id());
        assertThat(recorded.get(1).amount()).isEqualTo(dev.tandem.core.Money.of(4999, "EUR"));
        assertThat(recorded.get(1).partnerId()).isEqualTo(ana.partner().id());
        assertThat(recorded.get(1).referralId()).isEqualTo(sale.referral().id());
        assertThat(published.stream(ReferralStatusChanged.class).map(c -> c.from() + ">" + c.to()).toList())
                .containsExactly("null>LEAD", "LEAD>CUSTOMER");
    }

    @Test
    void anEventAssignedByHandIsPublishedAgainWithItsPartner() {
        ProgramFixtures.Setup s = programs.program("Republished");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        Intake.Recorded sale = intake.record(s.workspace(), MIA, new EventInput("s1", "sale", null,
                new EventInput.CustomerInput("c1", null, null, null), null, null, null, null, 700L, "EUR", null, null),
                EventSource.API);

        ConversionEvent assigned = intake.assign(s.workspace(), MIA, sale.event().id(), ana.partner().id(), "phone call");

        assertThat(sale.event().attributed()).isFalse();
        assertThat(assigned.partnerId()).isEqualTo(ana.partner().id());
        assertThat(referrals.unattributed(s.workspace(), PageRequest.first()).data()).isEmpty();
        assertThat(published.stream(ConversionRecorded.class).filter(r -> r.eventId().equals(sale.event().id()))
                .map(ConversionRecorded::partnerId).toList()).containsExactly(null, ana.partner().id());
        assertThat(jdbc.sql("select assigned_by from conversion_event where id = ?").param(sale.event().id().value())
                .query(String.class).single()).isEqualTo("Mia Manager");
    }

    @Test
    void managersMoveReferralsOnlyAlongAllowedPathsAndGiveReasonsForLosingThem() {
        ProgramFixtures.Setup s = programs.program("Moves");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        Referral lead = intake.record(s.workspace(), MIA, input("l1", "lead", null, ana), EventSource.API).referral();

        assertThatThrownBy(() -> referrals.move(s.workspace(), MIA, lead.id(), ReferralStatus.LOST, " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> referrals.move(s.workspace(), MIA, lead.id(), ReferralStatus.CHURNED, "gone"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a referral in lead may move to").hasMessageContaining("not churned");
        Referral lost = referrals.move(s.workspace(), MIA, lead.id(), ReferralStatus.LOST, "went with a competitor");
        Referral reopened = referrals.move(s.workspace(), MIA, lead.id(), ReferralStatus.LEAD, "came back");
        Referral customer = intake.record(s.workspace(), MIA, input("s1", "sale", 100L, ana), EventSource.API).referral();
        Referral churned = referrals.move(s.workspace(), MIA, lead.id(), ReferralStatus.CHURNED, "cancelled");

        assertThat(lost.status()).isEqualTo(ReferralStatus.LOST);
        assertThat(reopened.status()).isEqualTo(ReferralStatus.LEAD);
        assertThat(customer.status()).isEqualTo(ReferralStatus.CUSTOMER);
        assertThat(churned.status()).isEqualTo(ReferralStatus.CHURNED);
        List<ReferralStatusChange> history = referrals.history(s.workspace(), lead.id());
        assertThat(history).extracting(h -> h.from() + ">" + h.to()).containsExactly("null>LEAD", "LEAD>LOST",
                "LOST>LEAD", "LEAD>CUSTOMER", "CUSTOMER>CHURNED");
        assertThat(history).extracting(ReferralStatusChange::reason).contains("went with a competitor", "came back",
                "cancelled");
        assertThat(history).extracting(ReferralStatusChange::actorName).containsOnly("Mia Manager");
        assertThat(referrals.history(s.workspace(), lead.id()).get(3).eventId()).isNotNull();
        assertThat(jdbc.sql("select count(*) from audit_event where workspace_id = ? and action = 'referral.status_changed'")
                .param(s.workspace().value()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aCustomerCreditedByHandStaysWithThatPartnerWhenAnotherPartnersClickComes() {
        ProgramFixtures.Setup s = programs.program("Claims");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        ProgramFixtures.Member ben = programs.approvedPartner(s, "Ben");

        Referral claimed = referrals.assignByHand(s.workspace(), MIA, s.program().id(), ana.partner().id(),
                "Claimed@Example.com", "Claire", "claim", "Ana showed the email thread");
        Intake.Recorded sale = intake.record(s.workspace(), MIA, new EventInput("s1", "sale", T0.plusSeconds(86_400),
                new EventInput.CustomerInput(null, "claimed@example.com", null, null),
                click(s, link(s, ben), T0), null, null, null, 100L, "EUR", null, null), EventSource.API);

        assertThat(claimed.status()).isEqualTo(ReferralStatus.LEAD);
        assertThat(claimed.attributedBy()).isEqualTo("claim");
        assertThat(referrals.customer(s.workspace(), claimed.customerId()).name()).isEqualTo("Claire");
        assertThat(sale.referral().id()).isEqualTo(claimed.id());
        assertThat(sale.event().partnerId()).isEqualTo(ana.partner().id());
        assertThat(sale.event().attribution().reason()).contains("assigned by hand (claim)");
        assertThat(referrals.existingReferral(s.workspace(), s.program().id(), " CLAIMED@example.com "))
                .hasValueSatisfying(row -> {
                    assertThat(row.referral().id()).isEqualTo(claimed.id());
                    assertThat(row.partnerName()).startsWith("Ana");
                    assertThat(row.programName()).isEqualTo(s.program().name());
                });
        assertThat(referrals.existingReferral(s.workspace(), s.program().id(), "nobody@example.com")).isEmpty();
        assertThat(referrals.events(s.workspace(), claimed.id())).extracting(ConversionEvent::externalId)
                .containsExactly("s1");
        assertThat(referrals.list(s.workspace(), new Referrals.Filter(null, ana.partner().id(), null, "claire"),
                PageRequest.first()).data()).hasSize(1);
    }

    @Test
    void anEventOfAnotherWorkspaceIsNotFound() {
        ProgramFixtures.Setup s = programs.program("Own");
        ProgramFixtures.Setup other = programs.program("Other");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        Intake.Recorded lead = intake.record(s.workspace(), MIA, input("l1", "lead", null, ana), EventSource.API);

        assertThatThrownBy(() -> referrals.event(other.workspace(), lead.event().id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> referrals.get(other.workspace(), lead.referral().id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> intake.assign(other.workspace(), MIA, lead.event().id(), ana.partner().id(), ""))
                .isInstanceOf(NotFoundException.class);
    }

    private static EventInput input(String id, String type, Long amount, ProgramFixtures.Member partner) {
        return new EventInput(id, type, null, new EventInput.CustomerInput("c-" + partner.partner().id(), null, null,
                null), null, null, partner.partner().id().toString(), null, amount, amount == null ? null : "EUR",
                null, null);
    }
}
