package dev.tandem.commission.internal;

import dev.tandem.commission.Commissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Approves commissions whose hold period is over, every minute on every node. No schedule table is
 * needed: the job is a sweep, so a run a node missed is done by the next one, and rows another
 * node is approving are skipped ({@code for update skip locked}), never approved twice.
 */
@Component
class HoldPeriods {

    private static final Logger log = LoggerFactory.getLogger(HoldPeriods.class);
    private static final int BATCH = 500;

    private final Commissions commissions;

    HoldPeriods(Commissions commissions) {
        this.commissions = commissions;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    void approveDue() {
        int total = 0;
        int approved;
        do {
            approved = commissions.approveDue(BATCH);
            total += approved;
        } while (approved == BATCH);
        if (total > 0) {
            log.info("Hold period over: {} commission(s) approved", total);
        }
    }
}
