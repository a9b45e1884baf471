package dev.tandem.partner.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.tandem.web.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * At most {@value #LIMIT} submissions of the public application form per client in {@link #WINDOW},
 * on each node: enough to stop a script, never enough to trouble a person.
 */
@Component
public class SubmissionRateLimiter {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final RateLimiter limiter;

    SubmissionRateLimiter(Clock clock) {
        this.limiter = new RateLimiter(LIMIT, WINDOW, 10_000, clock);
    }

    /** Counts a submission; empty if it may go ahead, otherwise how long until the next one may. */
    Optional<Duration> attempt(String ip) {
        return limiter.attempt(ip);
    }

    /** Forgets every count (tests; an operator restarting a node has the same effect). */
    public void clear() {
        limiter.clear();
    }
}
