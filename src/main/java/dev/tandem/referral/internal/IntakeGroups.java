package dev.tandem.referral.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.WriteBehind;
import dev.tandem.referral.EventInput;
import dev.tandem.referral.EventSource;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the events that arrive at the same time in groups, one transaction per group: their locks
 * taken and their earlier events and customers looked up in one statement each, their rows written in
 * one statement ({@link WriteBehind}). Each event is worked out by the same
 * {@link Recorder} as alone, one after the other, so a group gives the answers the events would have
 * had one by one; two events that share a customer, an email, a sale or an id never share a group.
 *
 * <p>No thread of its own: a request whose event is waiting takes the next group when one of the
 * {@code tandem.intake.concurrency} turns is free (one per core by default: more transactions at once
 * than cores only add lock waits), and answers when its own event is stored. An event that fails its
 * checks fails alone; if the group fails as a whole (a twin stored meanwhile by another node), its
 * events are stored again one by one, each in its own transaction, as without groups.
 */
@Component
public class IntakeGroups {

    /** One event to store, as the intake received it. */
    public record Work(WorkspaceId workspace, Actor by, EventInput input, EventSource source, byte[] fingerprint,
            Instant now, List<FieldProblem> earlier) {
    }

    private static final class Waiting {
        final Work work;
        final Thread thread = Thread.currentThread();
        final Set<String> keys = new HashSet<>();
        /** The sender's id, the key its lock is taken on, and its customer's key: each null when it names none. */
        final String id;
        final String lockKey;
        final CustomerBook.Looked customer;
        final CompletableFuture<Recorder.Outcome> done = new CompletableFuture<>();
        /** Set when a turn was freed while this event waited first in line: its thread should try to lead. */
        volatile boolean called;

        Waiting(Work work) {
            this.work = work;
            this.id = EventValidator.blankToNull(work.input().id());
            this.lockKey = Recorder.lockKey(work.input());
            this.customer = Recorder.customerKey(work.input());
            Recorder.groupKeys(work.input()).forEach(k -> keys.add(work.workspace().value() + ":" + k));
        }
    }

    private final Recorder recorder;
    private final EventRepository events;
    private final CustomerRepository customers;
    private final WriteBehind writeBehind;
    private final TransactionTemplate transaction;
    private final Semaphore turns;
    private final int largest;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();

    IntakeGroups(Recorder recorder, EventRepository events, CustomerRepository customers, WriteBehind writeBehind,
            PlatformTransactionManager transactions, @Value("${tandem.intake.concurrency:0}") int concurrency,
            @Value("${tandem.intake.group:100}") int largest) {
        this.recorder = recorder;
        this.events = events;
        this.customers = customers;
        this.writeBehind = writeBehind;
        this.transaction = new TransactionTemplate(transactions);
        this.turns = new Semaphore(concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors());
        this.largest = Math.max(1, largest);
    }

    /**
     * Stores the event with others that arrive meanwhile, and answers when it is stored.
     *
     * @throws RuntimeException what storing it alone would throw (e.g. an invalid event)
     */
    public Recorder.Outcome store(Work work) {
        Waiting mine = new Waiting(work);
        lock.lock();
        try {
            queue.addLast(mine);
        } finally {
            lock.unlock();
        }
        while (!mine.done.isDone()) {
            if (turns.tryAcquire()) {
                try {
                    lead(mine);
                } finally {
                    turns.release();
                    handOff();
                }
            } else {
                // woken when its group is stored, or when a turn is freed while it waits first in line
                while (!mine.done.isDone() && !mine.called) {
                    LockSupport.park(this);
                }
                mine.called = false;
            }
        }
        try {
            return mine.done.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException e ? e : failed;
        }
    }

    /** A turn was freed: the event waiting longest, if any, has its thread try to lead (one thread, not all). */
    private void handOff() {
        Waiting first;
        lock.lock();
        try {
            first = queue.peekFirst();
        } finally {
            lock.unlock();
        }
        if (first != null) {
            first.called = true;
            LockSupport.unpark(first.thread);
        }
    }

    /** Stores groups until this request's event is stored (or taken into another request's group). */
    private void lead(Waiting mine) {
        while (!mine.done.isDone()) {
            List<Waiting> group = next();
            if (group.isEmpty()) {
                return;
            }
            store(group);
            for (Waiting w : group) {
                LockSupport.unpark(w.thread);
            }
        }
    }

    /** The oldest waiting events that share no key, up to the largest group. */
    private List<Waiting> next() {
        lock.lock();
        try {
            List<Waiting> group = new ArrayList<>();
            Set<String> taken = new HashSet<>();
            for (Iterator<Waiting> it = queue.iterator(); it.hasNext() && group.size() < largest; ) {
                Waiting w = it.next();
                if (w.keys.stream().noneMatch(taken::contains)) {
                    taken.addAll(w.keys);
                    group.add(w);
                    it.remove();
                }
            }
            return group;
        } finally {
            lock.unlock();
        }
    }

    private void store(List<Waiting> group) {
        Map<Waiting, Object> results;
        try {
            results = transaction.execute(status -> writeBehind.hold(() -> together(group)));
        } catch (RuntimeException groupFailed) {
            // e.g. a twin stored by another node meanwhile: one by one, each as if it had come alone
            for (Waiting w : group) {
                try {
                    w.done.complete(alone(w.work));
                } catch (RuntimeException e) {
                    w.done.completeExceptionally(e);
                }
            }
            return;
        }
        results.forEach((w, result) -> {
            if (result instanceof RuntimeException e) {
                w.done.completeExceptionally(e);
            } else {
                w.done.complete((Recorder.Outcome) result);
            }
        });
    }

    /** The group in one transaction: each event's outcome, or the exception it failed with (nothing of it kept). */
    private Map<Waiting, Object> together(List<Waiting> group) {
        List<Long> locks = new ArrayList<>();
        List<UUID> workspaces = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<UUID> customerWorkspaces = new ArrayList<>();
        List<String> customerIds = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (Waiting w : group) {
            if (w.lockKey != null) {
                locks.add(EventRepository.lock(w.work.workspace(), w.lockKey));
            }
            if (w.id != null) {
                workspaces.add(w.work.workspace().value());
                ids.add(w.id);
            }
            if (w.customer != null) {
                customerWorkspaces.add(w.work.workspace().value());
                customerIds.add(w.customer.externalId());
                emails.add(w.customer.email());
            }
        }
        Map<String, EventRepository.Stored> stored = events.lockAndFindAll(locks, workspaces, ids);
        List<dev.tandem.referral.Customer> found = customerIds.isEmpty() ? List.of()
                : customers.byExternalIdOrEmail(customerWorkspaces, customerIds, emails);
        Map<Waiting, Object> results = new HashMap<>();
        int c = 0;
        for (Waiting w : group) {
            Work work = w.work;
            CustomerBook.Looked looked = w.customer == null ? null
                    : new CustomerBook.Looked(w.customer.externalId(), w.customer.email(), found.get(c++));
            EventRepository.Stored before = w.id == null ? null : stored.get(work.workspace().value() + ":" + w.id);
            WriteBehind.Mark mark = writeBehind.mark();
            try {
                results.put(w, recorder.recordLocked(work.workspace(), work.by(), work.input(), work.source(),
                        work.fingerprint(), work.now(), work.earlier(), before, looked));
            } catch (RuntimeException failed) {
                if (!writeBehind.dropSince(mark)) {
                    throw failed;
                }
                results.put(w, failed);
            }
        }
        return results;
    }

    /**
     * Stores one event in a transaction of its own, or in the caller's when there is one (a caller holding
     * locks a group may wait for is never made to wait for a group).
     */
    public Recorder.Outcome alone(Work w) {
        return transaction.execute(status -> {
            Recorder.Outcome o = recorder.record(w.workspace(), w.by(), w.input(), w.source(), w.fingerprint(), w.now(),
                    w.earlier());
            if (o instanceof Recorder.Outcome.LostRace) {
                status.setRollbackOnly();
            }
            return o;
        });
    }
}
