package dev.tandem.partner.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * At most {@value #LIMIT} sign-in requests per IP address in {@link #WINDOW}, on each node: enough
 * for a person who mistyped, too few to guess passwords or flood someone's inbox. Kept in memory;
 * several nodes each allow their own share, which is still a small number.
 */
@Component
public class PortalSignInLimiter {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();
    private final Clock clock;

    PortalSignInLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Counts a request; empty if it may go ahead, otherwise how long until the next one may. */
    Optional<Duration> attempt(String ip) {
        Instant now = clock.instant();
        if (attempts.size() > MAX_TRACKED) {
            attempts.values().removeIf(times -> expired(times, now));
        }
        Deque<Instant> times = attempts.computeIfAbsent(ip == null ? "" : ip, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= LIMIT) {
                return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
            }
            times.addLast(now);
            return Optional.empty();
        }
    }

    /** Forgets every count (tests; an operator restarting a node has the same effect). */
    public void clear() {
        attempts.clear();
    }

    private static boolean expired(Deque<Instant> times, Instant now) {
        synchronized (times) {
            return times.isEmpty() || !times.peekLast().isAfter(now.minus(WINDOW));
        }
    }
}
