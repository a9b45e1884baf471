package dev.tandem.core;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;

/**
 * Creates ids and converts them between their inside form (a UUID) and their outside form, a
 * type prefix and 22 base62 characters such as {@code ptr_0J3kq8T1xY2mVb9LsE4wPa}.
 */
public final class Ids {

    /** Length of the encoded part: 62^22 is the smallest power of 62 above 2^128. */
    static final int ENCODED_LENGTH = 22;

    // ASCII order, so comparing two encoded ids as strings compares the UUIDs as unsigned numbers.
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        .toCharArray();

    private static final BigInteger BASE = BigInteger.valueOf(ALPHABET.length);

    private static final int[] DIGITS = new int[128];

    // Version 7 ids start with their creation time and this generator keeps them increasing
    // within a millisecond, which cursor paging (starting_after) relies on.
    private static final NoArgGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    static {
        Arrays.fill(DIGITS, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            DIGITS[ALPHABET[i]] = i;
        }
    }

    private Ids() {
    }

    /** A new time-ordered (version 7) UUID. */
    public static UUID newId() {
        return GENERATOR.generate();
    }

    /** The public form of an id, e.g. {@code format("ptr", id)} gives {@code ptr_…}. */
    public static String format(String prefix, UUID id) {
        requirePrefix(prefix);
        Objects.requireNonNull(id, "id must not be null");
        // the 128 bits as four unsigned 32-bit digits, divided by 62 in place for each character (no BigInteger:
        // the intake formats a dozen ids per event)
        long[] limbs = {id.getMostSignificantBits() >>> 32, id.getMostSignificantBits() & 0xFFFFFFFFL,
                id.getLeastSignificantBits() >>> 32, id.getLeastSignificantBits() & 0xFFFFFFFFL};
        char[] encoded = new char[ENCODED_LENGTH];
        for (int i = ENCODED_LENGTH - 1; i >= 0; i--) {
            long remainder = 0;
            for (int l = 0; l < limbs.length; l++) {
                long current = (remainder << 32) | limbs[l];
                limbs[l] = current / ALPHABET.length;
                remainder = current % ALPHABET.length;
            }
            encoded[i] = ALPHABET[(int) remainder];
        }
        return prefix + "_" + new String(encoded);
    }

    /**
     * Reads a public id of the given type, e.g. {@code parse("ptr", "ptr_…")}.
     * @throws InvalidIdException if the id has another type's prefix or is malformed
     */
    public static UUID parse(String prefix, String publicId) {
        requirePrefix(prefix);
        if (publicId == null) {
            throw new InvalidIdException("expected an id starting with " + prefix + "_, got nothing");
        }
        String expected = prefix + "_";
        if (!publicId.startsWith(expected)) {
            throw new InvalidIdException("expected an id starting with " + expected + ", got " + abbreviate(publicId));
        }
        String encoded = publicId.substring(expected.length());
        if (encoded.length() != ENCODED_LENGTH) {
            throw malformed(expected);
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < ENCODED_LENGTH; i++) {
            char c = encoded.charAt(i);
            int digit = (c < DIGITS.length) ? DIGITS[c] : -1;
            if (digit < 0) {
                throw malformed(expected);
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        if (value.bitLength() > 128) {
            throw malformed(expected);
        }
        return new UUID(value.shiftRight(64).longValue(), value.longValue());
    }

    private static InvalidIdException malformed(String expectedPrefix) {
        return new InvalidIdException(
                "malformed id: expected " + expectedPrefix + " followed by " + ENCODED_LENGTH + " letters and digits");
    }

    // Shows which type of id was sent without echoing arbitrary input back in full.
    private static String abbreviate(String publicId) {
        int underscore = publicId.indexOf('_');
        if (underscore > 0 && underscore <= 8) {
            return publicId.substring(0, underscore + 1) + "…";
        }
        return (publicId.length() <= 8) ? "\"" + publicId + "\"" : "\"" + publicId.substring(0, 8) + "…\"";
    }

    private static void requirePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.indexOf('_') >= 0) {
            throw new IllegalArgumentException("id prefix must be non-empty and without underscore, got " + prefix);
        }
    }

}
