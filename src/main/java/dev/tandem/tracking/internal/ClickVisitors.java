package dev.tandem.tracking.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Who clicked, as far as counting needs: a visitor hash, and whether this visitor clicked this
 * link within the last hour. The hash is an HMAC of the IP address keyed with a salt for the day,
 * itself an HMAC of the date with a secret that lives in this process's memory only and is never
 * stored: once the day has passed, nobody (not even we) can tell which address a hash came from.
 * Different nodes and restarts hash differently, which only matters for the hour-long repeat window.
 */
@Component
public class ClickVisitors {

    static final long REPEAT_SECONDS = 3600;
    /** 128k slots of at most one remembered click each: bounded memory whatever the traffic. */
    private static final int SLOTS = 1 << 17;

    private final byte[] secret = new byte[32];
    private final AtomicReferenceArray<Seen> seen = new AtomicReferenceArray<>(SLOTS);
    private final ThreadLocal<DayMac> macs = new ThreadLocal<>();

    ClickVisitors() {
        new SecureRandom().nextBytes(secret);
    }

    private record Seen(long key, String clickId, long epochSecond) {
    }

    private record DayMac(long day, Mac mac) {
    }

    /** 16 bytes naming this address today, unlinkable to the address once the day is over. */
    public byte[] hash(String ip, Instant now) {
        Mac mac = macFor(now.getEpochSecond() / 86_400);
        return Arrays.copyOf(mac.doFinal((ip == null ? "" : ip).getBytes(StandardCharsets.US_ASCII)), 16);
    }

    /** A key for (visitor, user agent, link); collisions only ever cost a missed repeat. */
    public static long key(byte[] visitorHash, String userAgent, long linkMsb, long linkLsb) {
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (visitorHash[i] & 0xff);
        }
        h ^= mix(linkMsb) ^ Long.rotateLeft(mix(linkLsb), 17) ^ Long.rotateLeft(userAgent == null ? 0 : userAgent.hashCode(), 32);
        return mix(h);
    }

    /** The click id this visitor got for this link within the last hour, or null. */
    public String repeatOf(long key, Instant now) {
        Seen s = seen.get(slot(key));
        if (s != null && s.key == key && now.getEpochSecond() - s.epochSecond < REPEAT_SECONDS) {
            return s.clickId;
        }
        return null;
    }

    public void remember(long key, String clickId, Instant now) {
        seen.set(slot(key), new Seen(key, clickId, now.getEpochSecond()));
    }

    private static int slot(long key) {
        return (int) (key >>> 40) & (SLOTS - 1);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private Mac macFor(long day) {
        DayMac current = macs.get();
        if (current == null || current.day != day) {
            current = new DayMac(day, hmac(hmac(secret).doFinal(Long.toString(day).getBytes(StandardCharsets.US_ASCII))));
            macs.set(current);
        }
        return current.mac;
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
