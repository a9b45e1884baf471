package dev.tandem.partner.internal;

import java.time.Clock;
import java.time.Duration;

import dev.tandem.web.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * At most {@value #LIMIT} submissions of the public application form per client in any ten
 * minutes, counted on this node: enough to stop a script, never enough to trouble a person.
 */
@Component
public class SubmissionRateLimiter {

    public static final int LIMIT = 10;
    public static final Duration WINDOW = Duration.ofMinutes(10);

    private final RateLimiter limiter;

    SubmissionRateLimiter(Clock clock) {
        this.limiter = new RateLimiter(LIMIT, WINDOW, 10_000, clock);
    }

    /**
     * Counts a submission from this address if it is within the limit.
     *
     * @return how long the address must wait, or {@link Duration#ZERO} when the submission may go ahead
     */
    public Duration acquire(String address) {
        return limiter.attempt(address).orElse(Duration.ZERO);
    }

    /** Forgets every address (tests start from a clean slate). */
    public void reset() {
        limiter.clear();
    }
}
