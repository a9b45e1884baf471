package dev.tandem.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.tandem.notification.EmailId;
import dev.tandem.notification.Emails;
import dev.tandem.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued emails over SMTP: each one right after the transaction that wrote it commits, and
 * every 15 seconds a sweep for anything left (a crash, a full queue, a retry that became due).
 * Every attempt locks its row with {@code FOR UPDATE SKIP LOCKED} and checks it is still queued
 * and due, so two nodes, or the two paths on one node, never both send the same email. Failures
 * wait 1, 2, 4 … minutes (at most an hour) and give up after {@link Emails#MAX_ATTEMPTS} attempts.
 * A node that dies after the SMTP server took an email but before its commit leaves it queued, so
 * it goes again: at least once, never by two senders at the same time.
 */
@Component
public class EmailDelivery implements DisposableBean {

    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int BATCH = 10;
    private static final int MAX_ERROR_LENGTH = 1000;
    private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

    private final OutboxRepository outbox;
    private final SmtpMailer mailer;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ThreadPoolTaskExecutor executor;

    EmailDelivery(OutboxRepository outbox, SmtpMailer mailer, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.executor = executor();
    }

    /** Whether an SMTP server is configured; without one emails are held, not sent. */
    public boolean enabled() {
        return mailer.configured();
    }

    /** Sends the email as soon as the current transaction commits; nothing is sent if it rolls back. */
    public void sendAfterCommit(WorkspaceId workspace, EmailId id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            dispatch(workspace, id);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatch(workspace, id);
            }
        });
    }

    /** Sends every due email now, a batch per transaction, until none is left; runs every 15 seconds by itself. */
    @Scheduled(initialDelay = 15, fixedDelay = 15, timeUnit = TimeUnit.SECONDS)
    public void sweep() {
        if (!enabled()) {
            return;
        }
        int claimed;
        do {
            claimed = transactions.execute(status -> {
                List<OutboxRepository.Outgoing> due = outbox.lockDue(clock.instant(), BATCH);
                due.forEach(this::attempt);
                return due.size();
            });
        } while (claimed == BATCH);
    }

    void deliver(WorkspaceId workspace, EmailId id) {
        transactions.executeWithoutResult(status -> outbox.lockIfDue(workspace, id, clock.instant())
                .ifPresent(this::attempt));
    }

    /** The wait after {@code failedAttempts} failures: 1 minute, doubling, at most an hour. */
    static Duration backoff(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 10);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void dispatch(WorkspaceId workspace, EmailId id) {
        try {
            executor.execute(() -> deliver(workspace, id));
        } catch (TaskRejectedException busyOrStopping) {
            // the row is queued and due, so the next sweep sends it
            log.debug("Email {} left for the sweep: {}", id, busyOrStopping.getMessage());
        }
    }

    private void attempt(OutboxRepository.Outgoing outgoing) {
        EmailId id = outgoing.email().id();
        int attempts = outgoing.email().attempts() + 1;
        try {
            mailer.send(outgoing.email());
            outbox.markSent(outgoing.workspace(), id, attempts, clock.instant());
        } catch (RuntimeException e) {
            // any failure counts as an attempt, or a poisoned email would be retried every sweep forever
            Instant next = attempts >= Emails.MAX_ATTEMPTS ? null : clock.instant().plus(backoff(attempts));
            outbox.markAttemptFailed(outgoing.workspace(), id, attempts, describe(e), next);
            log.warn("Email {} to SMTP failed (attempt {} of {}){}: {}", id, attempts, Emails.MAX_ATTEMPTS,
                    next == null ? ", giving up" : ", retrying at " + next, describe(e));
        }
    }

    // the innermost cause says what went wrong ("Connection refused"); the wrappers only repeat it
    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (cause != e && cause.getMessage() != null && !text.contains(cause.getMessage())) {
            text = text + ": " + cause.getMessage();
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    // Not a bean: an Executor bean would replace Boot's application task executor for everyone else.
    private static ThreadPoolTaskExecutor executor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("email-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(1000);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
