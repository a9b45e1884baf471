package dev.tandem.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void refusesBeyondTheLimitAndSaysHowLongToWaitThenAllowsAgain() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(10), 100, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.attempt("203.0.113.7")).isEmpty();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(limiter.attempt("203.0.113.7")).contains(Duration.ofMinutes(7));
        assertThat(limiter.attempt("203.0.113.8")).as("another client").isEmpty();

        clock.advance(Duration.ofMinutes(7));
        assertThat(limiter.attempt("203.0.113.7")).isEmpty();
    }

    @Test
    void ipv6AddressesInOneSlash64CountAsOneClient() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(10), 100, clock);
        assertThat(limiter.attempt("2001:db8:1:2::1")).isEmpty();
        assertThat(limiter.attempt("2001:db8:1:2:ffff::9")).isEmpty();
        assertThat(limiter.attempt("2001:db8:1:2:abcd:1:2:3")).as("third address of the same /64").isPresent();
        assertThat(limiter.attempt("2001:db8:1:3::1")).as("the next /64").isEmpty();
    }

    @Test
    void memoryStaysBoundedWhenManyClientsCome() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(10), 50, clock);
        for (int i = 0; i < 1_000; i++) {
            limiter.attempt("198.51." + (i / 256) + "." + (i % 256));
        }
        // kept, the first client's count would refuse it: it was dropped to make room
        assertThat(limiter.attempt("198.51.0.0")).as("counted early in the flood, then forgotten").isEmpty();
        assertThat(limiter.attempt("192.0.2.1")).isEmpty();
        assertThat(limiter.attempt("192.0.2.1")).as("still counting after the flood").isPresent();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
