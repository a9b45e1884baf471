package dev.tandem.referral;

import dev.tandem.program.AttributionModel;
import dev.tandem.program.Program;
import dev.tandem.program.Programs;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Journeys through the intake: each one the way a business's systems would send it. */
class IntakeScenarioTest extends IntakeBaseTest {

    @Autowired
    Programs programService;

    @Autowired
    dev.tandem.partner.Partners partners;

    @Test
    void clickThenLeadThenSaleThenRefundFollowOneReferral() {
        ProgramFixtures.Setup s = programs.program("Journey");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana Ruiz");
        TestLink link = link(s, ana);
        String clickId = click(s, link, T0);

        JsonNode lead = stored(s, event("id", "lead-1", "type", "lead", "occurredAt", at(T0, 1), "clickId", clickId,
                "customer", customer("cus_88", "Ana.Customer@Example.com")));

        assertThat(lead.get("id").asString()).startsWith("evt_");
        assertThat(lead.get("externalId").asString()).isEqualTo("lead-1");
        JsonNode referral = lead.get("referral");
        assertThat(referral.get("id").asString()).startsWith("ref_");
        assertThat(referral.get("status").asString()).isEqualTo("lead");
        assertThat(referral.get("partnerId").asString()).isEqualTo(ana.partner().id().toString());
        assertThat(referral.get("programId").asString()).isEqualTo(s.program().id().toString());
        assertThat(referral.get("customer").get("email").asString()).isEqualTo("ana.customer@example.com");
        assertThat(referral.get("customer").get("externalId").asString()).isEqualTo("cus_88");
        JsonNode attribution = lead.get("attribution");
        assertThat(attribution.get("partnerId").asString()).isEqualTo(ana.partner().id().toString());
        assertThat(attribution.get("linkId").asString()).isEqualTo(link.id().toString());
        assertThat(attribution.get("model").asString()).isEqualTo("last_click");
        assertThat(attribution.get("reason").asString()).isEqualTo("last click 1 day before the lead on link " + link.slug());
        assertThat(lead.get("commissions").isArray()).isTrue();
        assertThat(lead.get("commissions").size()).isZero();

        JsonNode qualified = stored(s, event("id", "q-1", "type", "qualified", "occurredAt", at(T0, 2),
                "customer", customer(null, "ANA.customer@example.com")));
        assertThat(qualified.get("referral").get("status").asString()).isEqualTo("qualified");

        JsonNode sale = stored(s, event("id", "inv-1", "type", "sale", "occurredAt", at(T0, 3), "amount", 4999,
                "currency", "EUR", "customer", customer("cus_88", null)));

        assertThat(sale.get("referral").get("id").asString()).isEqualTo(referral.get("id").asString());
        assertThat(sale.get("referral").get("status").asString()).isEqualTo("customer");
        assertThat(sale.get("attribution").get("reason").asString())
                .isEqualTo("last click 3 days before the sale on link " + link.slug());
        JsonNode storedSale = get(s, "/api/v1/events/" + sale.get("id").asString());
        assertThat(storedSale.get("amount").asLong()).isEqualTo(4999);
        assertThat(storedSale.get("currency").asString()).isEqualTo("EUR");
        assertThat(storedSale.get("recurring").asBoolean()).isFalse();
        assertThat(storedSale.get("customerId").asString()).isEqualTo(referral.get("customer").get("id").asString());

        JsonNode lateLead = stored(s, event("id", "lead-late", "type", "lead", "occurredAt", at(T0, 4),
                "customer", customer("cus_88", null)));
        assertThat(lateLead.get("referral").get("status").asString()).as("never backwards").isEqualTo("customer");

        JsonNode renewal = stored(s, event("id", "inv-2", "type", "sale", "occurredAt", at(T0, 40), "amount", 4999,
                "currency", "EUR", "customer", customer("cus_88", null)));
        assertThat(get(s, "/api/v1/events/" + renewal.get("id").asString()).get("recurring").asBoolean()).isTrue();
        assertThat(renewal.get("attribution").get("partnerId").asString()).isEqualTo(ana.partner().id().toString());

        JsonNode refund = stored(s, event("id", "rf-1", "type", "refund", "occurredAt", at(T0, 5), "amount", 1000,
                "currency", "EUR", "refundOf", "inv-1"));
        assertThat(refund.get("referral").get("id").asString()).isEqualTo(referral.get("id").asString());
        assertThat(refund.get("attribution").get("partnerId").asString()).isEqualTo(ana.partner().id().toString());
        assertThat(refund.get("attribution").get("reason").asString()).isEqualTo("follows its sale inv-1");
        JsonNode storedRefund = get(s, "/api/v1/events/" + refund.get("id").asString());
        assertThat(storedRefund.get("refundOf").asString()).isEqualTo(sale.get("id").asString());
        assertThat(storedRefund.get("customerId").asString()).isEqualTo(storedSale.get("customerId").asString());

        JsonNode read = get(s, "/api/v1/referrals/" + referral.get("id").asString());
        assertThat(read.get("status").asString()).isEqualTo("customer");
        assertThat(read.get("attribution").get("partnerId").asString()).isEqualTo(ana.partner().id().toString());
        assertThat(read.get("history").valueStream().map(h -> h.get("from").asString("") + ">" + h.get("to").asString())
                .toList()).containsExactly(">lead", "lead>qualified", "qualified>customer");
        assertThat(read.get("history").get(2).get("eventId").asString()).isEqualTo(sale.get("id").asString());
        assertThat(jdbc.sql("select count(*) from customer where workspace_id = ?").param(s.workspace().value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void underLastClickALeadMovesToTheNewerPartnerBeforeTheSale() {
        ProgramFixtures.Setup s = programs.program("Last click");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        ProgramFixtures.Member ben = programs.approvedPartner(s, "Ben");
        TestLink anaLink = link(s, ana);
        TestLink benLink = link(s, ben);

        stored(s, event("id", "l1", "type", "lead", "occurredAt", at(T0, 1), "clickId", click(s, anaLink, T0),
                "customer", customer("c1", null)));
        JsonNode sale = stored(s, event("id", "s1", "type", "sale", "occurredAt", at(T0, 3), "amount", 900,
                "currency", "EUR", "clickId", click(s, benLink, T0.plusSeconds(2 * 86_400)),
                "customer", customer("c1", null)));

        assertThat(sale.get("attribution").get("partnerId").asString()).isEqualTo(ben.partner().id().toString());
        assertThat(sale.get("attribution").get("reason").asString())
                .startsWith("last click 1 day before the sale on link " + benLink.slug());
        assertThat(sale.get("referral").get("partnerId").asString()).isEqualTo(ben.partner().id().toString());
        assertThat(sale.get("referral").get("status").asString()).isEqualTo("customer");
        assertThat(sale.get("referral").get("history").get(1).get("reason").asString()).contains("credit moved");
        JsonNode explained = get(s, "/api/v1/events/" + sale.get("id").asString());
        assertThat(touches(explained, "outcome")).containsExactly("lost", "won");
        assertThat(touches(explained, "why").get(0)).isEqualTo("a later touch won (last click)");
    }

    @Test
    void underFirstClickTheEarliestPartnerKeepsTheCustomer() {
        ProgramFixtures.Setup s = programs.program("First click");
        useModel(s, AttributionModel.FIRST_CLICK);
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        ProgramFixtures.Member ben = programs.approvedPartner(s, "Ben");
        TestLink anaLink = link(s, ana);
        TestLink benLink = link(s, ben);

        stored(s, event("id", "l1", "type", "lead", "occurredAt", at(T0, 1), "clickId", click(s, anaLink, T0),
                "customer", customer("c1", null)));
        JsonNode sale = stored(s, event("id", "s1", "type", "sale", "occurredAt", at(T0, 3), "amount", 900,
                "currency", "EUR", "clickId", click(s, benLink, T0.plusSeconds(2 * 86_400)),
                "customer", customer("c1", null)));

        assertThat(sale.get("attribution").get("model").asString()).isEqualTo("first_click");
        assertThat(sale.get("attribution").get("partnerId").asString()).isEqualTo(ana.partner().id().toString());
        assertThat(sale.get("attribution").get("reason").asString())
                .isEqualTo("first click 3 days before the sale on link " + anaLink.slug());
        assertThat(sale.get("referral").get("partnerId").asString()).isEqualTo(ana.partner().id().toString());
        JsonNode explained = get(s, "/api/v1/events/" + sale.get("id").asString());
        assertThat(touches(explained, "outcome")).containsExactly("won", "lost");
        assertThat(touches(explained, "why").get(1)).isEqualTo("an earlier touch won (first click)");
    }

    @Test
    void aCustomerStaysWithTheirFirstReferrerAfterTheFirstSaleUnlessTheProgramSaysOtherwise() {
        ProgramFixtures.Setup bound = programs.program("Bound");
        JsonNode boundSale = twoPartnersAfterAFirstSale(bound);
        ProgramFixtures.Setup free = programs.program("Free");
        programService.setTrackingSettings(free.workspace(), ProgramFixtures.MANAGER, free.program().id(), null, false);
        JsonNode freeSale = twoPartnersAfterAFirstSale(free);

        assertThat(boundSale.get("attribution").get("reason").asString())
                .isEqualTo("customer bound to their first referrer since 2026-03-03 (lifetime binding)");
        assertThat(boundSale.get("referral").get("partnerId").asString())
                .isEqualTo(boundSale.get("attribution").get("partnerId").asString());
        JsonNode explained = get(bound, "/api/v1/events/" + boundSale.get("id").asString());
        assertThat(touches(explained, "why")).contains(
                "customer bound to their first referrer since 2026-03-03 (lifetime binding)");

        assertThat(freeSale.get("attribution").get("reason").asString()).startsWith("last click");
        assertThat(freeSale.get("referral").get("history").valueStream().map(h -> h.get("reason").asString()).toList())
                .anyMatch(r -> r.contains("credit moved"));
        assertThat(partnerNameOf(free, freeSale)).startsWith("Ben");
        assertThat(partnerNameOf(bound, boundSale)).startsWith("Ana");
    }

    /** Ana's click brings the first sale; ten days later Ben's click comes with the second sale. */
    private JsonNode twoPartnersAfterAFirstSale(ProgramFixtures.Setup s) {
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        ProgramFixtures.Member ben = programs.approvedPartner(s, "Ben");
        stored(s, event("id", "s1", "type", "sale", "occurredAt", at(T0, 1), "amount", 900, "currency", "EUR",
                "clickId", click(s, link(s, ana), T0), "customer", customer("c1", null)));
        return stored(s, event("id", "s2", "type", "sale", "occurredAt", at(T0, 11), "amount", 900, "currency", "EUR",
                "clickId", click(s, link(s, ben), T0.plusSeconds(10 * 86_400)), "customer", customer("c1", null)));
    }

    private String partnerNameOf(ProgramFixtures.Setup s, JsonNode answer) {
        return jdbc.sql("select name from partner where workspace_id = ? and id = ?")
                .params(s.workspace().value(),
                        dev.tandem.partner.PartnerId.parse(answer.get("referral").get("partnerId").asString()).value())
                .query(String.class).single();
    }

    @Test
    void aForgedClickIdIsIgnoredWithItsReasonAndTheEventIsStoredUnattributed() {
        ProgramFixtures.Setup s = programs.program("Forgery");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        String genuine = click(s, link(s, ana), T0);
        char last = genuine.charAt(genuine.length() - 1);
        String forged = genuine.substring(0, genuine.length() - 1) + (last == 'A' ? 'B' : 'A');

        JsonNode sale = stored(s, event("id", "s1", "type", "sale", "occurredAt", at(T0, 1), "amount", 900,
                "currency", "EUR", "clickId", forged, "customer", customer("c1", null)));

        assertThat(sale.get("referral").isNull()).isTrue();
        assertThat(sale.get("attribution").get("partnerId").isNull()).isTrue();
        assertThat(sale.get("attribution").get("reason").asString()).contains("no usable touch").contains("signature");
        JsonNode explained = get(s, "/api/v1/events/" + sale.get("id").asString());
        assertThat(touches(explained, "outcome")).containsExactly("ignored");
        assertThat(touches(explained, "why").get(0)).startsWith("click id ignored: click id signature does not match");
        assertThat(get(s, "/api/v1/events?unattributed=true").get("data").valueStream()
                .map(e -> e.get("externalId").asString()).toList()).containsExactly("s1");
    }

    @Test
    void aClickOlderThanTheWindowLosesAndSaysSo() {
        ProgramFixtures.Setup s = programs.program("Window");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");

        JsonNode sale = stored(s, event("id", "s1", "type", "sale", "occurredAt", at(T0, 41), "amount", 900,
                "currency", "EUR", "clickId", click(s, link(s, ana), T0), "customer", customer("c1", null)));

        assertThat(sale.get("attribution").get("partnerId").isNull()).isTrue();
        assertThat(sale.get("attribution").get("reason").asString()).isEqualTo("every touch is outside the 30-day window");
        JsonNode explained = get(s, "/api/v1/events/" + sale.get("id").asString());
        assertThat(touches(explained, "why")).containsExactly("outside the 30-day window (41 days before the sale)");
    }

    @Test
    void aReferralOrCouponCodeCreditsItsPartnerAndADisabledOneIsIgnored() {
        ProgramFixtures.Setup s = programs.program("Codes");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        ProgramFixtures.Member ben = programs.approvedPartner(s, "Ben");
        String anaCode = referralCode(s, ana);
        String benCoupon = coupon(s, ben, false);
        String disabled = coupon(s, ana, true);

        JsonNode byCode = stored(s, event("id", "l1", "type", "lead", "code", anaCode.toLowerCase(),
                "customer", customer(null, "one@example.com")));
        JsonNode byCoupon = stored(s, event("id", "s2", "type", "sale", "amount", 500, "currency", "EUR",
                "code", benCoupon, "customer", customer(null, "two@example.com")));
        JsonNode byDisabled = stored(s, event("id", "s3", "type", "sale", "amount", 500, "currency", "EUR",
                "code", disabled, "customer", customer(null, "three@example.com")));

        assertThat(byCode.get("referral").get("partnerId").asString()).isEqualTo(ana.partner().id().toString());
        assertThat(byCode.get("referral").get("attributedBy").asString()).isEqualTo("code");
        assertThat(byCode.get("attribution").get("reason").asString())
                .isEqualTo("code " + anaCode + " given with the lead (last click)");
        assertThat(byCoupon.get("referral").get("partnerId").asString()).isEqualTo(ben.partner().id().toString());
        assertThat(byCoupon.get("referral").get("attributedBy").asString()).isEqualTo("coupon");
        assertThat(byDisabled.get("referral").isNull()).isTrue();
        assertThat(byDisabled.get("attribution").get("reason").asString()).contains("is disabled");
    }

    @Test
    void aClickIdOutranksACodeSentWithTheSameEvent() {
        ProgramFixtures.Setup s = programs.program("Outrank");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        ProgramFixtures.Member ben = programs.approvedPartner(s, "Ben");
        TestLink anaLink = link(s, ana);

        JsonNode sale = stored(s, event("id", "s1", "type", "sale", "occurredAt", at(T0, 2), "amount", 500,
                "currency", "EUR", "clickId", click(s, anaLink, T0), "code", referralCode(s, ben),
                "customer", customer("c1", null)));

        assertThat(sale.get("attribution").get("partnerId").asString()).isEqualTo(ana.partner().id().toString());
        JsonNode explained = get(s, "/api/v1/events/" + sale.get("id").asString());
        assertThat(touches(explained, "why")).contains("a click id outranks a code sent with the same event");
    }

    @Test
    void aPartnerHintCreditsAnApprovedPartnerAndAnUnknownOneIsIgnored() {
        ProgramFixtures.Setup s = programs.program("Hints");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        ProgramFixtures.Setup other = programs.program("Elsewhere");
        ProgramFixtures.Member stranger = programs.approvedPartner(other, "Stranger");

        JsonNode hinted = stored(s, event("id", "l1", "type", "lead", "partnerId", ana.partner().id().toString(),
                "customer", customer("c1", null)));
        JsonNode strange = stored(s, event("id", "l2", "type", "lead", "partnerId", stranger.partner().id().toString(),
                "customer", customer("c2", null)));

        assertThat(hinted.get("referral").get("attributedBy").asString()).isEqualTo("hint");
        assertThat(hinted.get("attribution").get("reason").asString()).isEqualTo("partner named in the event (partnerId)");
        assertThat(strange.get("referral").isNull()).isTrue();
        JsonNode explained = get(s, "/api/v1/events/" + strange.get("id").asString());
        assertThat(touches(explained, "why")).containsExactly("the partner is not in this program");
    }

    @Test
    void aSuspendedPartnersClickNoLongerEarnsTheCredit() {
        ProgramFixtures.Setup s = programs.program("Suspension");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        TestLink link = link(s, ana);
        JsonNode before = stored(s, event("id", "l1", "type", "lead", "occurredAt", at(T0, 1),
                "clickId", click(s, link, T0), "customer", customer("c1", null)));

        partners.transition(s.workspace(), ProgramFixtures.MANAGER, ana.enrollment().id(),
                dev.tandem.partner.EnrollmentStatus.SUSPENDED, "fake traffic");
        JsonNode after = stored(s, event("id", "l2", "type", "lead", "occurredAt", at(T0, 1),
                "clickId", click(s, link, T0), "customer", customer("c2", null)));

        assertThat(before.get("referral").get("partnerId").asString()).isEqualTo(ana.partner().id().toString());
        assertThat(after.get("referral").isNull()).isTrue();
        JsonNode explained = get(s, "/api/v1/events/" + after.get("id").asString());
        assertThat(touches(explained, "why")).containsExactly("the partner is suspended in this program");
    }

    @Test
    void anAcceptedDealRegistrationCreditsItsPartner() {
        ProgramFixtures.Setup s = programs.program("Deals");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        jdbc.sql("insert into deal_registration (workspace_id, id, program_id, partner_id, company, email, status,"
                        + " created_at) values (?, ?, ?, ?, 'Big Co', 'buyer@big.test', 'accepted', ?)")
                .params(s.workspace().value(), dev.tandem.core.Ids.newId(), s.program().id().value(),
                        ana.partner().id().value(), java.sql.Timestamp.from(T0))
                .update();

        JsonNode sale = stored(s, event("id", "s1", "type", "sale", "occurredAt", at(T0, 5), "amount", 100_000,
                "currency", "EUR", "customer", customer(null, "Buyer@Big.test")));

        assertThat(sale.get("referral").get("partnerId").asString()).isEqualTo(ana.partner().id().toString());
        assertThat(sale.get("referral").get("attributedBy").asString()).isEqualTo("deal");
        assertThat(sale.get("attribution").get("reason").asString())
                .isEqualTo("accepted deal registration of 2026-03-02 for this customer's email");
    }

    @Test
    void anEventOfAWorkspaceWithSeveralProgramsAndNoHintIsUnattributedSayingWhy() {
        ProgramFixtures.Setup s = programs.program("Many");
        Program second = programs.anotherProgram(s.tenant(), "Second");

        JsonNode lead = stored(s, event("id", "l1", "type", "lead", "customer", customer("c1", null)));
        JsonNode named = stored(s, event("id", "l2", "type", "lead", "programId", second.id().toString(),
                "customer", customer("c2", null)));

        assertThat(lead.get("attribution").get("reason").asString())
                .startsWith("no program: the event names none and the workspace has 2 active programs");
        assertThat(named.get("attribution").get("reason").asString()).startsWith("no click id, code or partner");
        assertThat(jdbc.sql("select count(*) from conversion_event where workspace_id = ? and partner_id is null")
                .param(s.workspace().value()).query(Long.class).single()).isEqualTo(2);
    }

    private void useModel(ProgramFixtures.Setup s, AttributionModel model) {
        Program p = s.program();
        programService.update(s.workspace(), ProgramFixtures.MANAGER, p.id(), new Programs.Settings(p.name(), p.type(),
                p.description(), p.currency().getCurrencyCode(), p.defaultDestination().toString(), p.allowedHosts(),
                model, p.attributionWindowDays(), p.commissionSummary(), p.slug()));
    }
}
