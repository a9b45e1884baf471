package dev.tandem.core.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events reach their listeners right after the commit that published them; one whose listener
 * failed (a database hiccup) or was cut off (a node stopped) stays incomplete in the registry.
 * Every minute, one node — whichever takes the advisory lock — hands publications incomplete for
 * five minutes to their listeners again. Listeners are written to tolerate a second delivery.
 */
@Component
@EnableScheduling
class IncompleteEventsResubmission {

    static final Duration MIN_AGE = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(IncompleteEventsResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    IncompleteEventsResubmission(IncompleteEventPublications incomplete, JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void resubmit() {
        transactions.executeWithoutResult(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('tandem.event-resubmission'))")
                    .query(Boolean.class).single();
            if (mine) {
                try {
                    incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withMinAge(MIN_AGE));
                } catch (RuntimeException e) {
                    log.warn("Resubmitting incomplete events failed; next try in a minute: {}", e.getMessage());
                }
            }
        });
    }
}
