package dev.tandem.insight.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import dev.tandem.core.ReaderFormat;
import org.springframework.context.MessageSource;

/** The reader's formats on the dashboards: counts, rates and days besides money and dates. */
public final class InsightFormat extends ReaderFormat {

    private final NumberFormat count;
    private final NumberFormat percent;
    private final DateTimeFormatter day;

    InsightFormat(MessageSource messages, Locale locale) {
        super(messages, locale);
        this.count = NumberFormat.getIntegerInstance(locale);
        this.percent = NumberFormat.getPercentInstance(locale);
        this.percent.setMinimumFractionDigits(1);
        this.percent.setMaximumFractionDigits(1);
        this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    /** {@code 1,234} in English, {@code 1.234} in Spanish. */
    public String count(long n) {
        return count.format(n);
    }

    /** The share as a percentage with one decimal ({@code 12.5%}, {@code 12,5 %}); a dash when there is no whole. */
    public String rate(long part, long whole) {
        return whole == 0 ? "—" : percent.format((double) part / whole);
    }

    public String day(LocalDate date) {
        return date == null ? "" : day.format(date);
    }
}
