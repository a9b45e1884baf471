package dev.tandem.commission;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.core.Money;
import dev.tandem.core.ReaderFormat;
import org.springframework.context.MessageSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why a commission has its amount, said twice at once: as an English sentence (stored, and the
 * API's language) and as parts, each a message key ({@code commission.explain.*}) with its values,
 * which pages put into the reader's language. A value is text, a number, money
 * ({@code {"amount", "currency"}}) or a message key to translate ({@code {"label"}}).
 */
public final class Explanation {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, Object>>> PARTS = new TypeReference<>() {
    };

    private final StringBuilder english = new StringBuilder();
    private final List<Map<String, Object>> parts = new ArrayList<>();

    /** Starts with the plan ("Gold plan v3: "). */
    public static Explanation of(String tierName, int version) {
        Explanation e = new Explanation();
        e.english.append(tierName).append(" plan v").append(version).append(": ");
        e.parts.add(part("head", List.of(tierName, version)));
        return e;
    }

    /** Starts without a plan (an adjustment by hand). */
    public static Explanation plain() {
        return new Explanation();
    }

    /** Adds a part: {@code englishText} as the sentence has it (with its own separator), {@code key} and its values. */
    public Explanation add(String englishText, String key, Object... values) {
        english.append(englishText);
        parts.add(part(key, List.of(values)));
        return this;
    }

    public static Map<String, Object> money(Money m) {
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("amount", m.amount());
        money.put("currency", m.currency().getCurrencyCode());
        return money;
    }

    public static Map<String, Object> label(String key) {
        return Map.of("label", key);
    }

    public String english() {
        return english.toString();
    }

    public String partsJson() {
        return JSON.writeValueAsString(parts);
    }

    /** The parts of a stored explanation; empty when it has none (stored before parts existed). */
    public static List<Map<String, Object>> parts(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, PARTS);
    }

    private static Map<String, Object> part(String key, List<Object> values) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("key", key);
        part.put("values", values);
        return part;
    }

    /**
     * The commission's explanation in the reader's language, from its parts; the stored English
     * sentence when it has none. The first part (the plan) is followed by a colon, the rest by commas.
     */
    public static String inWords(Commission c, MessageSource messages,
            Locale locale) {
        List<Map<String, Object>> parts = parts(c.explanationParts());
        if (parts.isEmpty()) {
            return c.explanation();
        }
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> part : parts) {
            String key = (String) part.get("key");
            Object[] values = ((List<?>) part.get("values")).stream().map(v -> value(v, messages, locale)).toArray();
            String words = messages.getMessage("commission.explain." + key, values, locale);
            if (text.isEmpty()) {
                text.append(words);
            } else if (text.toString().endsWith(":")) {
                text.append(' ').append(words);
            } else {
                text.append(", ").append(words);
            }
            if ("head".equals(key)) {
                text.append(':');
            }
        }
        return text.toString();
    }

    private static Object value(Object v, MessageSource messages, Locale locale) {
        if (v instanceof Map<?, ?> m && m.get("currency") != null) {
            return ReaderFormat.money(new Money(((Number) m.get("amount")).longValue(),
                    Currency.getInstance((String) m.get("currency"))), locale);
        }
        if (v instanceof Map<?, ?> m && m.get("label") != null) {
            return messages.getMessage((String) m.get("label"), null, (String) m.get("label"), locale);
        }
        return v instanceof Number n ? n.toString() : v;
    }
}
