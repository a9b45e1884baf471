package dev.tandem.core;

import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's clock answers in PostgreSQL's precision and in milliseconds without failing. */
class MicrosecondClockTest {

    @Test
    void instantsHaveNoNanosecondsBelowAMicrosecondAndMillisWork() {
        CoreConfiguration.MicrosecondClock clock = new CoreConfiguration.MicrosecondClock();
        for (int i = 0; i < 1_000; i++) {
            var now = clock.instant();
            assertThat(now).isEqualTo(now.truncatedTo(ChronoUnit.MICROS));
        }
        long before = System.currentTimeMillis();
        assertThat(clock.millis()).isBetween(before, System.currentTimeMillis());
    }
}
