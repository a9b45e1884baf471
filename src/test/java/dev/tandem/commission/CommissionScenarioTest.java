package dev.tandem.commission;

import java.time.Duration;
import java.util.List;

import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The money scenarios of a partner program, on a clock the test moves: what each event earns, the
 * words that explain it, and the balances the ledger keeps, which must always agree with the
 * commissions.
 */
class CommissionScenarioTest extends CommissionTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    Partners partners;

    @Test
    void aLeadEarnsAFlatFeeAndItsSaleAPercentageBothPayableAfterTheHoldPeriod() {
        start("Lead then sale");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Flat");
        plan(setup.program(), """
                {"holdDays": 30, "rules": [
                  {"trigger": "lead", "reward": {"type": "flat", "amount": 2500, "currency": "EUR"}},
                  {"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);

        JsonNode lead = event("lead", ana, "cus_lead", null, null, days(1));
        assertThat(madeBy(lead)).singleElement().satisfies(c -> {
            assertThat(c.get("amount").asLong()).isEqualTo(2500);
            assertThat(c.get("status").asString()).isEqualTo("pending");
            assertThat(c.get("explanation").asString()).isEqualTo("Registered plan v1: 25.00 EUR for a lead");
        });
        JsonNode qualified = event("qualified", ana, "cus_lead", null, null, days(3));
        assertThat(madeBy(qualified)).as("no rule pays for a qualification").isEmpty();

        JsonNode sale = sale(ana, "cus_lead", 49_999, days(5));
        assertThat(madeBy(sale)).singleElement().satisfies(c -> {
            assertThat(c.get("amount").asLong()).as("10% of 499.99 rounds half up once").isEqualTo(5_000);
            assertThat(c.get("explanation").asString()).isEqualTo("Registered plan v1: 10% of 499.99 EUR = 50.00 EUR");
            assertThat(c.get("availableAt").asString()).isEqualTo(days(35).toString());
        });
        assertThat(balance(ana, "EUR")).containsExactly(7_500, 0, 0);

        later(Duration.ofDays(26));
        assertThat(balance(ana, "EUR")).as("day 31: the lead's hold is over, the sale's not yet")
                .containsExactly(5_000, 2_500, 0);
        later(Duration.ofDays(4).minusSeconds(1));
        assertThat(balance(ana, "EUR")).as("a second before day 35: not yet").containsExactly(5_000, 2_500, 0);
        later(Duration.ofSeconds(1));
        assertThat(balance(ana, "EUR")).containsExactly(0, 7_500, 0);
        assertThat(commissionsOf(ana)).extracting(c -> c.get("status").asString()).containsOnly("approved");
        assertBooksBalance();
    }

    @Test
    void aRecurringSchedulePays30Then20ThenNothingOverFourteenMonths() {
        start("Schedule");
        ProgramFixtures.Member bo = programs.approvedPartner(setup, "Bo Recurring");
        plan(setup.program(), """
                {"holdDays": 0, "rules": [
                  {"trigger": "sale", "reward": {"type": "percentage", "percent": "30"}},
                  {"trigger": "recurring_sale", "reward": {"type": "percentage", "schedule": [
                    {"fromMonth": 1, "toMonth": 3, "percent": "30"}, {"fromMonth": 4, "toMonth": 12, "percent": "20"}]}}]}
                """);

        long total = 0;
        for (int month = 0; month < 14; month++) {
            JsonNode invoice = sale(bo, "cus_sub", 4_999, T0.atZone(java.time.ZoneOffset.UTC).plusMonths(month).toInstant());
            List<JsonNode> made = madeBy(invoice);
            if (month < 3) {
                assertThat(made).singleElement().satisfies(c -> assertThat(c.get("amount").asLong()).isEqualTo(1_500));
            } else if (month < 12) {
                assertThat(made).singleElement().satisfies(c -> assertThat(c.get("amount").asLong()).isEqualTo(1_000));
            } else {
                assertThat(made).as("month %d is past the schedule", month + 1).isEmpty();
            }
            total += made.stream().mapToLong(c -> c.get("amount").asLong()).sum();
        }
        assertThat(total).isEqualTo(3 * 1_500 + 9 * 1_000);
        List<JsonNode> all = commissionsOf(bo);
        assertThat(all).hasSize(12);
        assertThat(all.get(1).get("explanation").asString())
                .isEqualTo("Registered plan v1: 30% of 49.99 EUR = 15.00 EUR, recurring month 2 of 12");
        assertThat(all.get(11).get("explanation").asString()).endsWith("recurring month 12 of 12");
        later(Duration.ofMinutes(1));
        assertThat(balance(bo, "EUR")).containsExactly(0, 13_500, 0);
        assertBooksBalance();
    }

    @Test
    void theRateRisesAfterTheTenthSaleOfTheMonthAndStartsAgainNextMonth() {
        start("Volume");
        ProgramFixtures.Member cy = programs.approvedPartner(setup, "Cy Volume");
        plan(setup.program(), """
                {"rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"},
                  "volumeTiers": [{"fromSale": 1, "toSale": 10, "percent": "10"}, {"fromSale": 11, "percent": "15"}]}]}
                """);

        for (int i = 1; i <= 12; i++) {
            JsonNode sale = sale(cy, "cus_v" + i, 10_000, days(10).plusSeconds(i * 60L));
            long expected = i <= 10 ? 1_000 : 1_500;
            assertThat(madeBy(sale).get(0).get("amount").asLong()).as("sale %d", i).isEqualTo(expected);
            if (i == 11) {
                assertThat(madeBy(sale).get(0).get("explanation").asString()).endsWith("sale 11 of the month (11+: 15%)");
            }
        }
        JsonNode nextMonth = sale(cy, "cus_v13", 10_000, days(30));
        assertThat(madeBy(nextMonth).get(0).get("amount").asLong()).as("February starts at the first tier")
                .isEqualTo(1_000);
        assertBooksBalance();
    }

    @Test
    void crossingTenThousandEurosOfLifetimeSalesPaysTheBonusOnceMovesThePartnerUpAndTellsThem() {
        start("Milestone");
        ProgramFixtures.Member di = programs.approvedPartner(setup, "Di Milestone");
        var gold = programService.addTier(setup.workspace(), ProgramFixtures.MANAGER, setup.program().id(), "Gold", "", "");
        plan(setup.program(), """
                {"rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "5"}}],
                 "milestones": [{"lifetimeSales": 1000000, "bonus": 50000, "moveToTierId": "%s"}]}
                """.formatted(gold.id()));
        plan(setup.program(), """
                {"tierId": "%s", "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "5"}}]}
                """.formatted(gold.id()));

        assertThat(madeBy(sale(di, "cus_m1", 600_000, days(1)))).hasSize(1);
        JsonNode crossing = sale(di, "cus_m2", 500_000, days(2));
        assertThat(madeBy(crossing)).extracting(c -> c.get("kind").asString()).containsExactly("earned", "bonus");
        assertThat(madeBy(crossing).get(1).get("amount").asLong()).isEqualTo(50_000);
        assertThat(madeBy(crossing).get(1).get("explanation").asString())
                .isEqualTo("Registered plan v1: milestone bonus for reaching 10000.00 EUR in lifetime sales");
        assertThat(partners.enrollment(setup.workspace(), setup.program().id(), di.partner().id()).orElseThrow().tierId())
                .as("moved up for good").isEqualTo(gold.id());
        assertThat(jdbc.sql("select subject from email_outbox where workspace_id = ? and template = 'milestone-reached'")
                .param(setup.workspace().value()).query(String.class).list())
                .containsExactly("Milestone: you reached €10,000.00 in sales");
        JsonNode after = sale(di, "cus_m3", 100_000, days(3));
        assertThat(madeBy(after)).as("past the milestone: no second bonus").hasSize(1);
        assertThat(madeBy(after).get(0).get("explanation").asString()).startsWith("Gold plan v1: 5%");
        assertThat(balance(di, "EUR")[0]).isEqualTo(30_000 + 25_000 + 5_000 + 50_000);
        assertBooksBalance();
    }

    @Test
    void aPartialRefundBeforeApprovalTakesBackItsShareAndAFullOneReversesTheRest() {
        start("Refund before");
        ProgramFixtures.Member ed = programs.approvedPartner(setup, "Ed Refund");
        plan(setup.program(), """
                {"holdDays": 30, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        JsonNode sale = sale(ed, "cus_r", 10_000, days(1));
        String original = madeBy(sale).get(0).get("id").asString();

        JsonNode partial = refund(ed, sale, 2_500, days(3));
        assertThat(madeBy(partial)).singleElement().satisfies(c -> {
            assertThat(c.get("kind").asString()).isEqualTo("reversal");
            assertThat(c.get("amount").asLong()).isEqualTo(-250);
            assertThat(c.get("status").asString()).as("it follows its commission").isEqualTo("pending");
            assertThat(c.get("reverses").asString()).isEqualTo(original);
        });
        assertThat(balance(ed, "EUR")).containsExactly(750, 0, 0);

        later(Duration.ofDays(30));
        assertThat(balance(ed, "EUR")).as("both approved together").containsExactly(0, 750, 0);

        JsonNode rest = refund(ed, sale, 7_500, days(32));
        assertThat(madeBy(rest)).extracting(c -> c.get("status").asString()).containsOnly("reversed");
        assertThat(balance(ed, "EUR")).containsExactly(0, 0, 0);
        assertBooksBalance();
    }

    @Test
    void aRefundAfterPayoutIsAClawbackNettedInTheNextPayout() {
        start("Clawback");
        ProgramFixtures.Member fa = programs.approvedPartner(setup, "Fa Clawback");
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        JsonNode first = sale(fa, "cus_c1", 10_000, days(1));
        later(Duration.ofDays(15));
        CommissionId paid = CommissionId.parse(madeBy(first).get(0).get("id").asString());
        payoutMethod(fa, "{\"type\": \"manual\"}");
        assertThat(payOut(fa).get("amount").asLong()).isEqualTo(1_000);
        assertThat(balance(fa, "EUR")).containsExactly(0, 0, 1_000);

        JsonNode refund = refund(fa, first, 5_000, days(20));
        assertThat(madeBy(refund)).singleElement().satisfies(c -> {
            assertThat(c.get("kind").asString()).isEqualTo("clawback");
            assertThat(c.get("amount").asLong()).isEqualTo(-500);
            assertThat(c.get("status").asString()).as("deducted from the next payout").isEqualTo("approved");
        });
        assertThat(commissions.get(setup.workspace(), paid).status()).as("a paid commission never changes")
                .isEqualTo(CommissionStatus.PAID);
        assertThat(balance(fa, "EUR")).containsExactly(0, -500, 1_000);

        JsonNode second = sale(fa, "cus_c2", 20_000, days(21));
        later(Duration.ofDays(15));
        assertThat(balance(fa, "EUR")).as("the next payout nets the clawback").containsExactly(0, 1_500, 1_000);
        assertThat(payOut(fa).get("amount").asLong()).as("2,000 earned less the 500 clawback").isEqualTo(1_500);
        assertThat(balance(fa, "EUR")).containsExactly(0, 0, 2_500);
        assertThat(madeBy(second)).extracting(c -> c.get("amount").asLong()).as("the second sale earns its own 10%")
                .containsExactly(2_000L);
        assertBooksBalance();
    }

    @Test
    void aChargebackReversesTheCommissionLikeARefund() {
        start("Chargeback");
        ProgramFixtures.Member gu = programs.approvedPartner(setup, "Gu Dispute");
        plan(setup.program(), """
                {"rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "20"}}]}
                """);
        JsonNode sale = sale(gu, "cus_cb", 5_000, days(1));
        JsonNode chargeback = event("chargeback", gu, "cus_cb", 5_000L, "EUR", days(4), "refundOf",
                sale.get("_sentId").asString());
        assertThat(madeBy(chargeback)).singleElement().satisfies(c -> {
            assertThat(c.get("status").asString()).isEqualTo("reversed");
            assertThat(c.get("amount").asLong()).isEqualTo(1_000);
        });
        assertThat(balance(gu, "EUR")).containsExactly(0, 0, 0);
        assertBooksBalance();
    }

    @Test
    void yenAndEurosOfOnePartnerAreKeptApartAndASaleInAnotherCurrencyIsRejectedWithAReason() {
        start("Two currencies");
        Program yen = programIn("JPY", "Tokyo");
        ProgramFixtures.Member hu = programs.approvedPartner(setup, "Hu Both");
        ProgramFixtures.Member huInYen = new ProgramFixtures.Member(hu.partner(), partners.enroll(setup.workspace(),
                ProgramFixtures.MANAGER, yen.id(), hu.partner().id(), null, EnrollmentStatus.APPROVED, ""));
        String rules = """
                {"holdDays": 0, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """;
        plan(setup.program(), rules);
        plan(yen, rules);

        sale(hu, "cus_eu", 4_999, days(1));
        JsonNode yenSale = event("sale", huInYen, "cus_jp", 5_005L, "JPY", days(1));
        assertThat(madeBy(yenSale).get(0).get("amount").asLong()).as("10% of 5005 JPY, no minor units").isEqualTo(501);
        assertThat(madeBy(yenSale).get(0).get("currency").asString()).isEqualTo("JPY");
        JsonNode dollars = event("sale", hu, "cus_us", 10_000L, "USD", days(2));
        assertThat(madeBy(dollars)).singleElement().satisfies(c -> {
            assertThat(c.get("status").asString()).isEqualTo("rejected");
            assertThat(c.get("amount").asLong()).isZero();
            assertThat(c.get("explanation").asString()).contains("a sale in USD earns nothing: the program pays in EUR");
        });
        later(Duration.ofMinutes(1));
        assertThat(balance(hu, "EUR")).containsExactly(0, 500, 0);
        assertThat(balance(hu, "JPY")).containsExactly(0, 501, 0);
        assertBooksBalance();
    }

    @Test
    void aNewPlanVersionPaysFromItsDateOnAndNeverRewritesWhatWasEarned() {
        start("Plan change");
        ProgramFixtures.Member io = programs.approvedPartner(setup, "Io Versions");
        plan(setup.program(), """
                {"effectiveFrom": "2026-01-01T00:00:00Z", "rules": [
                  {"trigger": "sale", "reward": {"type": "percentage", "percent": "20"}},
                  {"trigger": "recurring_sale", "reward": {"type": "percentage", "percent": "20"}}]}
                """);
        JsonNode m1 = sale(io, "cus_pv", 10_000, days(0));
        sale(io, "cus_pv", 10_000, days(31));

        clock.set(days(40));
        ApiClient.Answer past = api.post("/api/v1/programs/" + setup.program().id() + "/plans", """
                {"effectiveFrom": "2026-02-01T00:00:00Z", "rules": [
                  {"trigger": "recurring_sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("effectiveFrom");

        plan(setup.program(), """
                {"effectiveFrom": "2026-03-01T00:00:00Z", "rules": [
                  {"trigger": "recurring_sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        JsonNode lateReport = sale(io, "cus_pv", 10_000, java.time.Instant.parse("2026-02-28T12:00:00Z"));
        assertThat(madeBy(lateReport).get(0).get("amount").asLong()).as("v1 was in force then").isEqualTo(2_000);
        JsonNode march = sale(io, "cus_pv", 10_000, java.time.Instant.parse("2026-03-05T12:00:00Z"));
        assertThat(madeBy(march).get(0).get("amount").asLong()).isEqualTo(1_000);
        assertThat(madeBy(march).get(0).get("explanation").asString()).startsWith("Registered plan v2: 10% of 100.00 EUR");
        assertThat(commissions.get(setup.workspace(), CommissionId.parse(madeBy(m1).get(0).get("id").asString()))
                .amount().amount()).as("what was earned stays").isEqualTo(2_000);
        assertBooksBalance();
    }

    @Test
    void theSameSaleSentTwiceEarnsOnce() {
        start("Replay");
        ProgramFixtures.Member jo = programs.approvedPartner(setup, "Jo Replay");
        plan(setup.program(), """
                {"rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        String body = """
                {"id": "inv_once", "type": "sale", "occurredAt": "2026-01-06T10:00:00Z", "amount": 10000, "currency": "EUR",
                 "customer": {"externalId": "cus_once"}, "partnerId": "%s", "programId": "%s"}
                """.formatted(jo.partner().id(), setup.program().id());
        clock.set(days(2));
        ApiClient.Answer first = api.post("/api/v1/events", body);
        ApiClient.Answer again = api.post("/api/v1/events", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(commissionsOf(jo)).hasSize(1);
        assertBooksBalance();
    }

    @Test
    void aPartnerWhoRecruitsAnotherEarnsTheRecruitingFeeOnceWhenTheRecruitIsApproved() {
        start("Recruiting");
        ProgramFixtures.Member ko = programs.approvedPartner(setup, "Ko Recruiter");
        plan(setup.program(), """
                {"rules": [{"trigger": "partner_recruited", "reward": {"type": "flat", "amount": 5000}}]}
                """);
        var recruit = partners.findOrCreate(setup.workspace(), new Partners.NewPartner("lu@recruits.test", "Lu Recruit",
                "", "", "", dev.tandem.partner.Partner.Profile.empty(), dev.tandem.core.Language.EN, ko.partner().id()));
        var pending = partners.enroll(setup.workspace(), ProgramFixtures.MANAGER, setup.program().id(), recruit.id(),
                null, EnrollmentStatus.PENDING, "applied");
        assertThat(commissionsOf(ko)).as("not for an application").isEmpty();
        partners.transition(setup.workspace(), ProgramFixtures.MANAGER, pending.id(), EnrollmentStatus.APPROVED, "fits");
        assertThat(commissionsOf(ko)).singleElement().satisfies(c -> {
            assertThat(c.get("amount").asLong()).isEqualTo(5_000);
            assertThat(c.get("explanation").asString()).isEqualTo("Registered plan v1: 50.00 EUR for recruiting Lu Recruit, approved");
        });
        partners.transition(setup.workspace(), ProgramFixtures.MANAGER, pending.id(), EnrollmentStatus.SUSPENDED, "pause");
        partners.transition(setup.workspace(), ProgramFixtures.MANAGER, pending.id(), EnrollmentStatus.APPROVED, "back");
        assertThat(commissionsOf(ko)).as("approved again: still once").hasSize(1);
        assertBooksBalance();
    }

    @Test
    void aRecruitingFeeCanWaitForTheRecruitsFirstSale() {
        start("Recruit sells");
        ProgramFixtures.Member ko = programs.approvedPartner(setup, "Ko Patient");
        plan(setup.program(), """
                {"rules": [{"trigger": "partner_recruited", "recruitedWhen": "first_sale", "reward": {"type": "flat", "amount": 7000}},
                           {"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        var recruit = partners.findOrCreate(setup.workspace(), new Partners.NewPartner("mi@recruits.test", "Mi Seller",
                "", "", "", dev.tandem.partner.Partner.Profile.empty(), dev.tandem.core.Language.EN, ko.partner().id()));
        var enrolled = partners.enroll(setup.workspace(), ProgramFixtures.MANAGER, setup.program().id(), recruit.id(),
                null, EnrollmentStatus.APPROVED, "");
        assertThat(commissionsOf(ko)).as("approval alone pays nothing under this rule").isEmpty();

        ProgramFixtures.Member mi = new ProgramFixtures.Member(recruit, enrolled);
        JsonNode first = sale(mi, "cus_mi1", 10_000, days(3));
        assertThat(madeBy(first)).extracting(c -> c.get("partnerId").asString())
                .containsExactlyInAnyOrder(mi.partner().id().toString(), ko.partner().id().toString());
        assertThat(commissionsOf(ko)).singleElement().satisfies(c -> assertThat(c.get("explanation").asString())
                .isEqualTo("Registered plan v1: 70.00 EUR for recruiting Mi Seller, first sale"));
        sale(mi, "cus_mi2", 10_000, days(4));
        assertThat(commissionsOf(ko)).as("once, not per sale").hasSize(1);
        assertBooksBalance();
    }
}
