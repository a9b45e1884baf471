package dev.tandem.tracking.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.tandem.tracking.internal.LinkCache;

/**
 * The redirect's URL work: the slug out of the path, the sub-ids and UTM parameters out of the
 * query, and the Location, which is always the stored destination with the visitor's query glued
 * in (never a URL the visitor supplied).
 */
final class RedirectUrls {

    static final String CLICK_PARAMETER = "tnd_click";
    static final String[] SUBS = {"sub1", "sub2", "sub3", "sub4", "sub5"};
    static final String[] UTMS = {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"};

    private RedirectUrls() {
    }

    /** The slug of {@code /r/{slug}} (raw, undecoded path), or null when it cannot be one (bad characters, length). */
    static String slug(String requestUri, String contextPath) {
        int start = contextPath.length() + 3; // "/r/"
        int end = requestUri.length();
        if (end > start && requestUri.charAt(end - 1) == '/') {
            end--;
        }
        int length = end - start;
        if (length < 3 || length > 64) {
            return null;
        }
        for (int i = start; i < end; i++) {
            char c = requestUri.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return null;
            }
        }
        return requestUri.substring(start, end);
    }

    /** Fills sub1…sub5 and the UTM parameters (decoded, first occurrence wins) from a raw query string. */
    static void readParameters(String query, String[] subs, String[] utms) {
        if (query == null || query.isEmpty()) {
            return;
        }
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            int eq = query.indexOf('=', start);
            if (eq > start && eq < end) {
                String name = query.substring(start, eq);
                int sub = indexOf(SUBS, name);
                int utm = sub < 0 ? indexOf(UTMS, name) : -1;
                if (sub >= 0 && subs[sub] == null) {
                    subs[sub] = decode(query.substring(eq + 1, end));
                } else if (utm >= 0 && utms[utm] == null) {
                    utms[utm] = decode(query.substring(eq + 1, end));
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
    }

    /** The first value of a query parameter, decoded, or null. */
    static String parameter(String query, String name) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        int start = 0;
        while (start < query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            if (end > start && nameOf(query, start, end).equals(name)) {
                int eq = query.indexOf('=', start);
                return eq >= start && eq < end ? decode(query.substring(eq + 1, end)) : "";
            }
            start = end + 1;
        }
        return null;
    }

    /**
     * The destination with the visitor's query parameters (a parameter the visitor sent replaces the
     * destination's own of that name) and the click id; the destination's fragment stays last.
     */
    static String location(LinkCache.Destination destination, String query, String clickId) {
        StringBuilder url = new StringBuilder(destination.base().length() + 128).append(destination.base());
        char separator = '?';
        List<String> own = destination.query();
        for (String piece : own) {
            String name = nameOf(piece, 0, piece.length());
            if (!name.equals(CLICK_PARAMETER) && parameter(query, name) == null) {
                url.append(separator).append(piece);
                separator = '&';
            }
        }
        if (query != null && !query.isEmpty()) {
            int start = 0;
            while (start < query.length()) {
                int amp = query.indexOf('&', start);
                int end = amp < 0 ? query.length() : amp;
                if (end > start && !nameOf(query, start, end).equals(CLICK_PARAMETER)) {
                    url.append(separator).append(LinkCache.Destination.safe(query.substring(start, end)));
                    separator = '&';
                }
                start = end + 1;
            }
        }
        url.append(separator).append(CLICK_PARAMETER).append('=').append(clickId);
        return url.append(destination.fragment()).toString();
    }

    // The decoded name of the parameter between start (inclusive) and end (exclusive): a%5Fb=1 gives a_b.
    private static String nameOf(String text, int start, int end) {
        int eq = text.indexOf('=', start);
        String raw = text.substring(start, eq >= start && eq < end ? eq : end);
        return raw.indexOf('%') < 0 && raw.indexOf('+') < 0 ? raw : decode(raw);
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
