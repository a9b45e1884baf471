package dev.tandem.tracking.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The clicks waiting for the writer: COPY lines in one ring of bytes outside the Java heap, not one
 * object per click. A backlog then costs the garbage collector nothing; a queue of objects made
 * every young collection copy the whole backlog (pauses of hundreds of milliseconds under load,
 * measured with bench/redirect.sh). Memory is only touched as the backlog grows.
 */
final class ClickQueue {

    private final ByteBuffer ring;
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger lines = new AtomicInteger();
    private int head;
    private int used;

    ClickQueue(int bytes) {
        this.ring = ByteBuffer.allocateDirect(bytes);
        this.capacity = bytes;
    }

    /** Adds one newline-terminated line, or answers false when full; never blocks for longer than a copy. */
    boolean offer(byte[] line) {
        lock.lock();
        try {
            if (used + line.length > capacity) {
                return false;
            }
            int tail = (head + used) % capacity;
            int first = Math.min(line.length, capacity - tail);
            ring.put(tail, line, 0, first);
            ring.put(0, line, first, line.length - first);
            used += line.length;
        } finally {
            lock.unlock();
        }
        lines.incrementAndGet();
        return true;
    }

    /** Moves whole lines, at most about {@code maxBytes}, to the end of {@code batch}; answers how many lines. */
    int drainTo(Batch batch, int maxBytes) {
        int from = batch.length();
        lock.lock();
        try {
            int length = Math.min(used, maxBytes);
            // cut back to the end of the last whole line (lines end in '\n'; escaped values hold none)
            while (length > 0 && length < used && ring.get((head + length - 1) % capacity) != '\n') {
                length--;
            }
            batch.append(ring, head, length, capacity);
            head = (head + length) % capacity;
            used -= length;
        } finally {
            lock.unlock();
        }
        int taken = batch.countLines(from);
        lines.addAndGet(-taken);
        return taken;
    }

    int size() {
        return lines.get();
    }

    /** A reusable buffer of whole COPY lines, handed to COPY or the spill file in one piece. */
    static final class Batch {
        private byte[] bytes = new byte[1 << 20];
        private int length;
        private int lines;

        void append(ByteBuffer ring, int start, int count, int capacity) {
            ensure(count);
            int first = Math.min(count, capacity - start);
            ring.get(start, bytes, length, first);
            ring.get(0, bytes, length + first, count - first);
            length += count;
        }

        int countLines(int from) {
            int counted = 0;
            for (int i = from; i < length; i++) {
                if (bytes[i] == '\n') {
                    counted++;
                }
            }
            lines += counted;
            return counted;
        }

        byte[] bytes() {
            return bytes;
        }

        int length() {
            return length;
        }

        int lines() {
            return lines;
        }

        void clear() {
            length = 0;
            lines = 0;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
