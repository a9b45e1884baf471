package dev.tandem.tracking.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One redirect answered, as a row of the {@code click} table. Queued for {@link ClickWriter} as
 * one line of PostgreSQL's COPY text format (a single byte array is what the garbage collector
 * moves cheapest while clicks wait), which is also the line format of the spill files.
 *
 * @param subs  sub1…sub5 (nulls where absent)
 * @param utms  utm_source, utm_medium, utm_campaign, utm_term, utm_content (nulls where absent)
 */
public record Click(UUID workspaceId, UUID id, Instant clickedAt, UUID linkId, UUID programId, UUID partnerId,
        String clickToken, byte[] visitorHash, String userAgent, String referrer, String[] subs, String[] utms,
        String country, boolean bot, boolean repeat) {

    /** The column list of COPY and of the spill files, in the order {@link #copyLine} writes them. */
    public static final String COLUMNS = "workspace_id, id, clicked_at, link_id, program_id, partner_id, click_token,"
            + " visitor_hash, user_agent, referrer, sub1, sub2, sub3, sub4, sub5, utm_source, utm_medium, utm_campaign,"
            + " utm_term, utm_content, country, is_bot, is_repeat";
    static final int COLUMN_COUNT = 23;

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * This click as one line of COPY text format (tab-separated, {@code \N} for null, newline-terminated),
     * in UTF-8: what the writer queues, sends and spills. Written byte by byte: it runs on every redirect.
     */
    public byte[] copyLine() {
        Line line = new Line();
        line.uuid(workspaceId).uuid(id).ascii(clickedAt.toString()).uuid(linkId).uuid(programId).uuid(partnerId)
                .text(clickToken);
        if (visitorHash == null) {
            line.ascii("\\N");
        } else {
            // bytea in hex form; the backslash itself is escaped for COPY
            line.hex(visitorHash);
        }
        line.text(userAgent).text(referrer);
        for (int i = 0; i < 5; i++) {
            line.text(subs[i]);
        }
        for (int i = 0; i < 5; i++) {
            line.text(utms[i]);
        }
        line.text(country).ascii(bot ? "t" : "f").ascii(repeat ? "t" : "f");
        return line.end();
    }

    /** A growing byte buffer; every value is followed by a tab, the last one by a newline. */
    private static final class Line {
        private byte[] bytes = new byte[384];
        private int length;

        Line ascii(String value) {
            ensure(value.length() + 1);
            for (int i = 0; i < value.length(); i++) {
                bytes[length++] = (byte) value.charAt(i);
            }
            bytes[length++] = '\t';
            return this;
        }

        Line uuid(UUID value) {
            ensure(37);
            hex(value.getMostSignificantBits() >>> 32, 8);
            bytes[length++] = '-';
            hex(value.getMostSignificantBits() >>> 16, 4);
            bytes[length++] = '-';
            hex(value.getMostSignificantBits(), 4);
            bytes[length++] = '-';
            hex(value.getLeastSignificantBits() >>> 48, 4);
            bytes[length++] = '-';
            hex(value.getLeastSignificantBits(), 12);
            bytes[length++] = '\t';
            return this;
        }

        Line hex(byte[] value) {
            ensure(value.length * 2 + 4);
            bytes[length++] = '\\';
            bytes[length++] = '\\';
            bytes[length++] = 'x';
            for (byte b : value) {
                bytes[length++] = DIGITS[(b >> 4) & 0xf];
                bytes[length++] = DIGITS[b & 0xf];
            }
            bytes[length++] = '\t';
            return this;
        }

        /** Text with COPY's escapes for backslash, tab, newline and carriage return; null as {@code \N}. */
        Line text(String value) {
            if (value == null) {
                return ascii("\\N");
            }
            ensure(value.length() * 3 + 1);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x80) {
                    escaped(c);
                } else if (c < 0x800) {
                    bytes[length++] = (byte) (0xc0 | (c >> 6));
                    bytes[length++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, value.charAt(++i));
                    bytes[length++] = (byte) (0xf0 | (cp >> 18));
                    bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    bytes[length++] = (byte) (0x80 | (cp & 0x3f));
                } else {
                    char valid = Character.isSurrogate(c) ? '\ufffd' : c;
                    bytes[length++] = (byte) (0xe0 | (valid >> 12));
                    bytes[length++] = (byte) (0x80 | ((valid >> 6) & 0x3f));
                    bytes[length++] = (byte) (0x80 | (valid & 0x3f));
                }
            }
            bytes[length++] = '\t';
            return this;
        }

        byte[] end() {
            bytes[length - 1] = '\n';
            return java.util.Arrays.copyOf(bytes, length);
        }

        private void escaped(char c) {
            switch (c) {
                case '\\' -> two('\\');
                case '\t' -> two('t');
                case '\n' -> two('n');
                case '\r' -> two('r');
                default -> bytes[length++] = (byte) c;
            }
        }

        private void two(char escape) {
            ensure(2);
            bytes[length++] = '\\';
            bytes[length++] = (byte) escape;
        }

        private void hex(long value, int digits) {
            for (int i = digits - 1; i >= 0; i--) {
                bytes[length + i] = DIGITS[(int) (value & 0xf)];
                value >>>= 4;
            }
            length += digits;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /** What the visitor sent, made safe to store: no control characters (PostgreSQL text refuses NUL), at most {@code max} chars. */
    public static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        int end = Math.min(value.length(), max);
        if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = null;
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            boolean bad = c < 0x20 || c == 0x7f || (Character.isSurrogate(c) && !pairedAt(value, i, end));
            if (bad && out == null) {
                out = new StringBuilder(end).append(value, 0, i);
            }
            if (out != null && !bad) {
                out.append(c);
            }
        }
        return out != null ? out.toString() : end == value.length() ? value : value.substring(0, end);
    }

    private static boolean pairedAt(String s, int i, int end) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
