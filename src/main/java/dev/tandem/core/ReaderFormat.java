package dev.tandem.core;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * How pages write money, days and coded words for the reader: amounts with their currency in the
 * reader's format ({@code -12,50 €} in Spanish), dates in UTC, and codes (statuses, kinds) through
 * the bundle (the code itself for one the bundle does not know).
 */
public class ReaderFormat {

    private final MessageSource messages;
    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    public ReaderFormat(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneOffset.UTC);
    }

    /** The amount in the locale's currency format, with the currency's own number of decimals. */
    public static String money(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        int digits = Math.max(0, money.currency().getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.toMajor());
    }

    public String money(Money money) {
        return money == null ? "" : money(money, locale);
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

    protected MessageSource messages() {
        return messages;
    }

    protected Locale locale() {
        return locale;
    }
}
