package dev.tandem.notification.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailDeliveryTest {

    @Test
    void theWaitBeforeARetryDoublesFromAMinuteUpToAnHour() {
        assertThat(EmailDelivery.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(EmailDelivery.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(EmailDelivery.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(EmailDelivery.backoff(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(EmailDelivery.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(EmailDelivery.backoff(9)).isEqualTo(Duration.ofHours(1));
    }
}
