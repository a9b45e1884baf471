package dev.tandem.partner.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * At most {@value #LIMIT} submissions of the public application form per client address in any
 * ten minutes, counted on this node only (a cluster of N nodes lets through at most N times as
 * many, which is enough to stop a script and never troubles a person).
 */
@Component
public class SubmissionRateLimiter {

    public static final int LIMIT = 10;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    // beyond this many addresses, forget the ones that have been quiet for a whole window
    private static final int PRUNE_ABOVE = 10_000;

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
    private final Clock clock;

    SubmissionRateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts a submission from this address if it is within the limit.
     *
     * @return how long the address must wait, or {@link Duration#ZERO} when the submission may go ahead
     */
    public Duration acquire(String address) {
        Instant now = clock.instant();
        if (recent.size() > PRUNE_ABOVE) {
            prune(now);
        }
        Deque<Instant> times = recent.computeIfAbsent(address == null ? "" : address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= LIMIT) {
                Duration wait = Duration.between(now, times.peekFirst().plus(WINDOW));
                return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
            }
            times.addLast(now);
            return Duration.ZERO;
        }
    }

    /** Forgets every address (tests start from a clean slate). */
    public void reset() {
        recent.clear();
    }

    private void prune(Instant now) {
        recent.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                Instant last = entry.getValue().peekLast();
                return last == null || !last.isAfter(now.minus(WINDOW));
            }
        });
    }
}
