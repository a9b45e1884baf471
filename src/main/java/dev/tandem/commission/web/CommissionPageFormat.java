package dev.tandem.commission.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.commission.Commission;
import dev.tandem.commission.Explanation;
import dev.tandem.core.Money;
import dev.tandem.program.PlanSummaries;
import org.springframework.context.MessageSource;

/**
 * How the commission pages write money, days and coded words for the reader: amounts with their
 * currency in the reader's format ({@code -12,50 €} in Spanish), dates in UTC, and statuses, kinds
 * and reward kinds through the bundle (the code itself for one the bundle does not know).
 */
public final class CommissionPageFormat {

    private final MessageSource messages;
    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    CommissionPageFormat(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneOffset.UTC);
    }

    public String money(Money money) {
        return money == null ? "" : PlanSummaries.money(money, locale);
    }

    public String money(long minor, Currency currency) {
        return money(new Money(minor, currency));
    }

    public String day(Instant instant) {
        return instant == null ? "" : date.format(instant);
    }

    public String when(Instant instant) {
        return instant == null ? "" : dateTime.format(instant) + " UTC";
    }

    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The words for a code under a key prefix, e.g. {@code label("commission.status.", "hold")}. */
    public String label(String prefix, String code) {
        return code == null || code.isBlank() ? "" : messages.getMessage(prefix + code, null, code, locale);
    }

    /**
     * The commission's explanation in the reader's language, from its parts; the stored English
     * sentence when it has none. The first part (the plan) is followed by a colon, the rest by commas.
     */
    public String explain(Commission c) {
        List<Map<String, Object>> parts = Explanation.parts(c.explanationParts());
        if (parts.isEmpty()) {
            return c.explanation();
        }
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> part : parts) {
            String key = (String) part.get("key");
            Object[] values = ((List<?>) part.get("values")).stream().map(this::value).toArray();
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

    private Object value(Object v) {
        if (v instanceof Map<?, ?> m && m.get("currency") != null) {
            return money(new Money(((Number) m.get("amount")).longValue(), Currency.getInstance((String) m.get("currency"))));
        }
        if (v instanceof Map<?, ?> m && m.get("label") != null) {
            return messages.getMessage((String) m.get("label"), null, (String) m.get("label"), locale);
        }
        return v instanceof Number n ? n.toString() : v;
    }
}
