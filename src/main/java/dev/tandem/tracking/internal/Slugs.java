package dev.tandem.tracking.internal;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shapes of slugs and codes, and the candidates Tandem proposes for them. Candidates carry a
 * random part, so a taken one is simply replaced by the next attempt.
 */
public final class Slugs {

    /** What {@code /r/{slug}} accepts; the database checks the same. */
    public static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_-]{3,64}");
    /** What a referral or coupon code may look like; the database checks the same. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{3,32}");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int NAME_PART = 40;
    private static final int CODE_LETTERS = 8;

    private Slugs() {
    }

    /** A slug from the partner's name and a random tail, e.g. {@code ana-ruiz-x7k2}; later attempts get a longer tail. */
    public static String slugCandidate(String name, int attempt) {
        String base = ascii(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > NAME_PART) {
            base = base.substring(0, NAME_PART).replaceAll("-+$", "");
        }
        String tail = random(attempt < 5 ? 4 : 8);
        return base.isEmpty() ? "link-" + tail : base + "-" + tail;
    }

    /** A referral code from the partner's first name and 2 (later 3) digits, e.g. {@code ANA10}. */
    public static String codeCandidate(String name, int attempt) {
        String letters = letters(name);
        if (attempt >= 30) {
            // a name this popular in one workspace: letters alone no longer make it unique
            return letters + random(6).toUpperCase(Locale.ROOT);
        }
        int digits = attempt < 10 ? 10 + RANDOM.nextInt(90) : 100 + RANDOM.nextInt(900);
        return letters + digits;
    }

    private static String letters(String name) {
        String ascii = ascii(name).toUpperCase(Locale.ROOT);
        String first = ascii.trim().split("\\s+")[0].replaceAll("[^A-Z]", "");
        String letters = first.length() >= 3 ? first : ascii.replaceAll("[^A-Z]", "");
        if (letters.length() < 2) {
            return "REF";
        }
        return letters.length() > CODE_LETTERS ? letters.substring(0, CODE_LETTERS) : letters;
    }

    private static String ascii(String text) {
        String value = text == null ? "" : text;
        return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('ø', 'o').replace('Ø', 'O').replace("æ", "ae").replace("Æ", "AE").replace('ß', 's');
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(LOWER.charAt(RANDOM.nextInt(LOWER.length())));
        }
        return out.toString();
    }
}
