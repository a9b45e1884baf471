package dev.tandem.payout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.tandem.commission.CommissionTestBase;
import dev.tandem.payout.PayoutSettings.Frequency;
import dev.tandem.payout.PayoutSettings.Schedule;
import dev.tandem.payout.internal.ScheduledRuns;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program that pays by itself: when its date comes, one scheduled run is started (whichever node gets
 * there first), the next date moves on, and asking again at the same moment starts nothing. The dates
 * themselves follow the schedule: weekdays for weekly, the 1st and 16th twice a month, a fixed day monthly.
 */
class PayoutScheduleTest extends CommissionTestBase {

    @Autowired
    ScheduledRuns scheduledRuns;

    @Test
    void aMonthlyProgramStartsOneScheduledRunOnItsDayAndMovesToTheNextMonth() {
        start("Scheduled monthly");
        ProgramFixtures.Member bo = programs.approvedPartner(setup, "Bo Scheduled");
        payoutMethod(bo, "{\"type\": \"manual\"}");
        JsonNode schedule = ok(api.put("/api/v1/programs/" + setup.program().id() + "/payout-schedule",
                "{\"frequency\": \"monthly\", \"day\": 1}"));
        assertThat(schedule.get("nextRunAt").asString()).isEqualTo("2026-02-01T06:00:00Z");
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        sale(bo, "cus_s", 40_000, days(1));
        later(Duration.ofDays(16));
        scheduledRuns.runDue();
        assertThat(runsOfProgram()).as("approved, but the day has not come").isEmpty();

        clock.set(Instant.parse("2026-02-01T06:00:30Z"));
        int started = scheduledRuns.runDue();

        List<JsonNode> runs = runsOfProgram();
        assertThat(runs).as("exactly one run of the program").hasSize(1);
        assertThat(started).as("this program's run, perhaps with other workspaces' due ones").isGreaterThanOrEqualTo(1);
        JsonNode run = ok(api.get("/api/v1/payout-runs/" + runs.get(0).get("id").asString()));
        assertThat(run.get("scheduled").asBoolean()).isTrue();
        assertThat(run.get("startedBy").asString()).isEqualTo("Tandem");
        assertThat(payoutTo(run, bo).get("amount").asLong()).isEqualTo(4_000);
        assertThat(ok(api.get("/api/v1/programs/" + setup.program().id() + "/payout-schedule")).get("nextRunAt")
                .asString()).isEqualTo("2026-03-01T06:00:00Z");

        assertThat(scheduledRuns.runDue()).as("asked again at the same moment").isZero();
        assertThat(runsOfProgram()).hasSize(1);
    }

    @Test
    void aDueProgramWithNothingToPayStartsNoRunButStillMovesOn() {
        start("Scheduled empty");
        ok(api.put("/api/v1/programs/" + setup.program().id() + "/payout-schedule",
                "{\"frequency\": \"weekly\", \"day\": 1}"));
        clock.set(Instant.parse("2026-01-12T06:00:00Z"));

        scheduledRuns.runDue();

        assertThat(runsOfProgram()).isEmpty();
        assertThat(ok(api.get("/api/v1/programs/" + setup.program().id() + "/payout-schedule")).get("nextRunAt")
                .asString()).isEqualTo("2026-01-19T06:00:00Z");
    }

    @Test
    void weeklyRunsOnTheWeekdayWithOneForMonday() {
        Schedule mondays = schedule(Frequency.WEEKLY, 1);
        // 2026-01-05 is a Monday
        assertThat(PayoutSettings.nextRun(mondays, Instant.parse("2026-01-05T05:59:59Z")))
                .isEqualTo("2026-01-05T06:00:00Z");
        assertThat(PayoutSettings.nextRun(mondays, Instant.parse("2026-01-05T06:00:00Z")))
                .as("strictly after").isEqualTo("2026-01-12T06:00:00Z");
        assertThat(PayoutSettings.nextRun(mondays, Instant.parse("2026-01-08T12:00:00Z")))
                .isEqualTo("2026-01-12T06:00:00Z");
        assertThat(PayoutSettings.nextRun(schedule(Frequency.WEEKLY, 7), Instant.parse("2026-01-05T10:00:00Z")))
                .as("seven is Sunday").isEqualTo("2026-01-11T06:00:00Z");
    }

    @Test
    void twiceAMonthRunsOnTheFirstAndTheSixteenth() {
        Schedule twice = schedule(Frequency.TWICE_MONTHLY, 1);
        assertThat(PayoutSettings.nextRun(twice, Instant.parse("2026-01-05T10:00:00Z")))
                .isEqualTo("2026-01-16T06:00:00Z");
        assertThat(PayoutSettings.nextRun(twice, Instant.parse("2026-01-16T06:00:00Z")))
                .isEqualTo("2026-02-01T06:00:00Z");
        assertThat(PayoutSettings.nextRun(twice, Instant.parse("2026-12-20T00:00:00Z")))
                .as("across the year").isEqualTo("2027-01-01T06:00:00Z");
    }

    @Test
    void monthlyOnThe28thRunsEveryMonthFebruaryIncluded() {
        Schedule on28 = schedule(Frequency.MONTHLY, 28);
        assertThat(PayoutSettings.nextRun(on28, Instant.parse("2026-01-28T07:00:00Z")))
                .isEqualTo("2026-02-28T06:00:00Z");
        assertThat(PayoutSettings.nextRun(on28, Instant.parse("2026-02-28T06:00:00Z")))
                .isEqualTo("2026-03-28T06:00:00Z");
        assertThat(PayoutSettings.nextRun(on28, Instant.parse("2026-02-01T00:00:00Z")))
                .isEqualTo("2026-02-28T06:00:00Z");
        assertThat(PayoutSettings.nextRun(schedule(Frequency.MANUAL, 1), Instant.parse("2026-02-01T00:00:00Z")))
                .as("manual programs never run by themselves").isNull();
    }

    private static Schedule schedule(Frequency frequency, int day) {
        return new Schedule(frequency, day, 0, true, null, Map.of());
    }

    private List<JsonNode> runsOfProgram() {
        return ok(api.get("/api/v1/payout-runs?programId=" + setup.program().id())).get("data").valueStream().toList();
    }
}
