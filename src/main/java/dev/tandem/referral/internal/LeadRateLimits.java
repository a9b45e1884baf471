package dev.tandem.referral.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.tandem.web.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * How often a client may send a lead, counted on this node: on the hosted referral page
 * {@value #PAGE_LIMIT} in any ten minutes per address (a person sends one); through the snippet
 * {@value #SNIPPET_LIMIT} a minute per address and publishable key (a busy office behind one
 * address may send several, a script many more).
 */
@Component
public class LeadRateLimits {

    public static final int PAGE_LIMIT = 5;
    public static final Duration PAGE_WINDOW = Duration.ofMinutes(10);
    public static final int SNIPPET_LIMIT = 30;
    public static final Duration SNIPPET_WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final RateLimiter page;
    // one limiter per key, so that an address is counted per key; only active keys get here, so the map stays small
    private final Map<String, RateLimiter> snippet = new ConcurrentHashMap<>();

    LeadRateLimits(Clock clock) {
        this.clock = clock;
        this.page = new RateLimiter(PAGE_LIMIT, PAGE_WINDOW, 10_000, clock);
    }

    /** Counts a hosted-page submission; {@link Duration#ZERO} when it may go ahead, else how long to wait. */
    public Duration hostedPage(String address) {
        return page.attempt(address).orElse(Duration.ZERO);
    }

    /** Counts a snippet lead from this address with this key; {@link Duration#ZERO} when it may go ahead. */
    public Duration snippet(String publishableKey, String address) {
        return snippet.computeIfAbsent(publishableKey, k -> new RateLimiter(SNIPPET_LIMIT, SNIPPET_WINDOW, 10_000, clock))
                .attempt(address).orElse(Duration.ZERO);
    }

    /** Forgets every count (tests start from a clean slate). */
    public void reset() {
        page.clear();
        snippet.clear();
    }
}
