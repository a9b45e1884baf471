package dev.tandem.tracking.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClickQueueTest {

    @Test
    void linesComeOutWholeInOrderAcrossTheRingsEnd() {
        ClickQueue queue = new ClickQueue(32);
        ClickQueue.Batch batch = new ClickQueue.Batch();
        StringBuilder expected = new StringBuilder();
        for (int round = 0; round < 20; round++) {
            String a = "a" + round + "\tx\n";
            String b = "bb" + round + "\n";
            assertThat(queue.offer(bytes(a))).isTrue();
            assertThat(queue.offer(bytes(b))).isTrue();
            expected.append(a).append(b);
            // a batch smaller than what waits takes whole lines only
            assertThat(queue.drainTo(batch, 7)).isEqualTo(1);
            assertThat(queue.drainTo(batch, 1_000)).isEqualTo(1);
        }
        assertThat(new String(batch.bytes(), 0, batch.length(), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(batch.lines()).isEqualTo(40);
        assertThat(queue.size()).isZero();
    }

    @Test
    void aFullQueueRefusesInsteadOfWaiting() {
        ClickQueue queue = new ClickQueue(10);

        assertThat(queue.offer(bytes("12345678\n"))).isTrue();
        assertThat(queue.offer(bytes("ab\n"))).isFalse();
        assertThat(queue.size()).isEqualTo(1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
