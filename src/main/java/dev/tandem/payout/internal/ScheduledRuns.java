package dev.tandem.payout.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.tandem.payout.PayoutConflict;
import dev.tandem.payout.PayoutRunId;
import dev.tandem.payout.PayoutRuns;
import dev.tandem.payout.PayoutSender;
import dev.tandem.payout.PayoutSettings;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the runs programs scheduled for themselves, every minute on every node. Each due program is
 * taken in its own transaction with its schedule row locked ({@code for update skip locked}), so two
 * nodes never start the same run, and the next run time moves on in the same commit as the run:
 * either both happen or neither does. A program with nothing to pay simply waits for its next date.
 */
@Component
public class ScheduledRuns {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);

    private final SettingsRepository settings;
    private final PayoutRuns runs;
    private final PayoutSender sender;
    private final boolean enabled;
    private final TransactionTemplate perProgram;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    ScheduledRuns(SettingsRepository settings, PayoutRuns runs, PayoutSender sender,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${tandem.payout.scheduled-runs:true}") boolean enabled) {
        this.settings = settings;
        this.runs = runs;
        this.sender = sender;
        this.enabled = enabled;
        this.perProgram = new TransactionTemplate(transactions);
        // a run that fails (nothing to pay, or worse) must not take the schedule's move with it
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    void sweep() {
        if (!enabled) {
            return;
        }
        int started = runDue();
        if (started > 0) {
            log.info("Scheduled payouts: {} run(s) started", started);
        }
    }

    /**
     * Starts every run due by now, one program per transaction; answers how many runs were started.
     * Public so that tests drive it on their own clock instead of waiting for the minute.
     */
    public int runDue() {
        Instant now = clock.instant();
        int started = 0;
        while (true) {
            Outcome one = perProgram.execute(tx -> runOne(now));
            if (one == null) {
                return started;
            }
            if (one.run() != null) {
                started++;
                if (one.send()) {
                    send(one);
                }
            }
        }
    }

    /** A due program's run (null when nothing was started) and whether it is sent without a manager. */
    private record Outcome(WorkspaceId workspace, PayoutRunId run, boolean send) {
    }

    // a program that pays without approval sends its run at once, after the run is committed: Stripe
    // transfers are never made inside a database transaction
    private void send(Outcome o) {
        try {
            sender.send(o.workspace(), Actor.system(), o.run());
        } catch (RuntimeException e) {
            log.error("Scheduled payout run {} in workspace {} was made but not sent; send it from its page", o.run(),
                    o.workspace(), e);
        }
    }

    /** Null when nothing is due; else the run started, if any. */
    private Outcome runOne(Instant now) {
        Optional<SettingsRepository.Due> due = settings.lockDue(now);
        if (due.isEmpty()) {
            return null;
        }
        SettingsRepository.Due d = due.get();
        PayoutSettings.Schedule schedule = settings.schedule(d.workspace(), d.program()).orElseThrow();
        PayoutRunId started = start(d);
        // from now, not from the missed date: a node that was down for a week starts one run, not seven
        settings.setNextRun(d.workspace(), d.program(), PayoutSettings.nextRun(schedule, now));
        return new Outcome(d.workspace(), started, started != null && !schedule.requireApproval());
    }

    private PayoutRunId start(SettingsRepository.Due d) {
        try {
            // thrown out of the savepoint, so that rolling back to it clears the failed run's rollback mark
            return savepoint.execute(tx -> runs.start(d.workspace(), Actor.system(), d.program(), null, true)
                    .run().id());
        } catch (PayoutConflict nothing) {
            log.debug("Scheduled payout run of program {} in workspace {}: {}", d.program(), d.workspace(),
                    nothing.getMessage());
            return null;
        } catch (RuntimeException e) {
            // the next run time still moves on: retrying every minute would only repeat the failure, and
            // the oldest due program would keep every other one waiting behind it
            log.error("Scheduled payout run of program {} in workspace {} failed; it waits for its next date or"
                    + " for someone to start it", d.program(), d.workspace(), e);
            return null;
        }
    }
}
