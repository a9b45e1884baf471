package dev.tandem.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import dev.tandem.commission.CommissionTestBase;
import dev.tandem.core.Money;
import dev.tandem.core.ReaderFormat;
import dev.tandem.program.Program;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner's figures on the portal's home: what they earned this month, their referrals, and
 * their next payout: the approved amount in no payout yet, on the date of the program's schedule,
 * or, without a schedule, when the business runs payouts.
 */
class PartnerDashboardTest extends CommissionTestBase {

    @Autowired
    MessageSource messages;

    @Test
    void aPartnerWithApprovedCommissionsSeesTheNextPayoutDateAndAmountOfAMonthlySchedule() {
        start("Partner dashboard");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Portal");
        ProgramFixtures.Member bo = programs.approvedPartner(setup, "Bo Portal");
        ApiClient.Answer schedule = api.put("/api/v1/programs/" + setup.program().id() + "/payout-schedule",
                "{\"frequency\": \"monthly\", \"day\": 1}");
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        sale(ana, "cus_1", 40_000, days(1));
        sale(ana, "cus_2", 25_000, days(2));
        sale(bo, "cus_bo", 90_000, days(2));
        event("lead", ana, "cus_3", null, null, days(3));
        later(Duration.ofDays(14)); // day 17: both of ana's commissions approved
        sale(ana, "cus_4", 10_000, days(17)); // pending

        String home = programs.portal(browser(), setup.workspace(), ana.partner()).get("/portal").body();
        ReaderFormat en = new ReaderFormat(messages, Locale.ENGLISH);
        String next = panel(home, "next-payout");
        assertThat(next).as("the approved 65.00 EUR, paid by the monthly schedule")
                .contains(en.money(Money.of(6_500, "EUR")))
                .contains("on " + en.day(Instant.parse("2026-02-01T06:00:00Z")) + " (Partner dashboard)");
        assertThat(next).doesNotContain(en.money(Money.of(9_000, "EUR")));
        assertThat(panel(home, "earned")).as("everything earned in January").contains(en.money(Money.of(7_500, "EUR")));
        assertThat(panel(home, "referrals")).contains("Customers: 3").contains("Leads: 1");
        assertThat(panel(home, "clicks")).contains("No clicks yet: share your link");
        assertThat(home).as("the home's programs stay").contains("Partner dashboard").contains("Onboarding");
    }

    @Test
    void withoutAScheduleTheApprovedAmountIsPaidWhenTheBusinessRunsPayouts() {
        start("Unscheduled");
        Program program = setup.program();
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Unscheduled");
        plan(program, """
                {"holdDays": 0, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        sale(ana, "cus_1", 12_345, days(1));
        later(Duration.ofMinutes(1));

        String home = programs.portal(browser(), setup.workspace(), ana.partner()).get("/portal").body();
        assertThat(panel(home, "next-payout")).contains(ReaderFormat.money(Money.of(1_235, "EUR"), Locale.ENGLISH))
                .contains("paid when the business runs payouts (Unscheduled)");
    }

    private static String panel(String page, String name) {
        int at = page.indexOf("data-figure=\"" + name + "\"");
        assertThat(at).as("%s on the page", name).isPositive();
        int end = page.indexOf("data-figure=", at + 12);
        return page.substring(at, end < 0 ? page.length() : end);
    }
}
