package dev.tandem.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} requests per client in any {@code window}, counted in memory on this node
 * (N nodes let N times as many through: enough to stop a script, never enough to trouble a person).
 * IPv6 clients are counted per /64, the block one subscriber usually holds, so that rotating
 * addresses inside it does not reset the count. Memory stays bounded: past {@code maxClients},
 * quiet clients are forgotten, and if all are busy the oldest counts are dropped wholesale.
 */
public final class RateLimiter {

    private final int limit;
    private final Duration window;
    private final int maxClients;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, int maxClients, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** Counts a request from this address; empty if it may go ahead, else how long until one may. */
    public Optional<Duration> attempt(String address) {
        Instant now = clock.instant();
        if (recent.size() > maxClients) {
            forgetQuiet(now);
        }
        Deque<Instant> times = recent.computeIfAbsent(clientOf(address), a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                Duration wait = Duration.between(now, times.peekFirst().plus(window));
                return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
            }
            times.addLast(now);
            return Optional.empty();
        }
    }

    /** Forgets every count (tests; restarting a node does the same). */
    public void clear() {
        recent.clear();
    }

    /** The client a request counts for: the IPv4 address, or the /64 of an IPv6 one. */
    static String clientOf(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }

    private void forgetQuiet(Instant now) {
        recent.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                Instant last = entry.getValue().peekLast();
                return last == null || !last.isAfter(now.minus(window));
            }
        });
        if (recent.size() > maxClients) {
            // every tracked client is active: an attack from many addresses; start counting afresh
            // rather than let memory grow or each request scan them all again
            recent.clear();
        }
    }
}
