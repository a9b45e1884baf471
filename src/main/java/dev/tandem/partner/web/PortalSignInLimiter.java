package dev.tandem.partner.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.tandem.web.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * At most {@value #LIMIT} sign-in requests per client in {@link #WINDOW}, on each node: enough for
 * a person who mistyped, too few to guess passwords or flood someone's inbox.
 */
@Component
public class PortalSignInLimiter {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final RateLimiter limiter;

    PortalSignInLimiter(Clock clock) {
        this.limiter = new RateLimiter(LIMIT, WINDOW, 100_000, clock);
    }

    /** Counts a request; empty if it may go ahead, otherwise how long until the next one may. */
    Optional<Duration> attempt(String ip) {
        return limiter.attempt(ip);
    }

    /** Forgets every count (tests; an operator restarting a node has the same effect). */
    public void clear() {
        limiter.clear();
    }
}
