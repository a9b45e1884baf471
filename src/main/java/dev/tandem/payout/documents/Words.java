package dev.tandem.payout.documents;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import dev.tandem.core.Language;
import dev.tandem.core.Money;
import dev.tandem.core.ReaderFormat;

/** The words, amounts and dates of one document, all in the reader's language. */
final class Words {

    private final Locale locale;
    private final ResourceBundle kinds;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dates;

    Words(Language language) {
        this.locale = language.locale();
        this.bundle = ResourceBundle.getBundle("i18n/payoutdocs", locale);
        // a commission's kind is named as the commission pages name it: one translation, not two
        this.kinds = ResourceBundle.getBundle("i18n/commission", locale);
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    String get(String key) {
        return bundle.getString(key);
    }

    String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale).format(arguments);
    }

    /** The word for a line's kind; a kind the bundle does not know is shown as written rather than dropped. */
    String kind(String kind) {
        try {
            return kinds.getString("commission.kind." + kind);
        } catch (MissingResourceException unknown) {
            return kind;
        }
    }

    String date(LocalDate date) {
        return printable(dates.format(date));
    }

    /** The amount as the reader writes money, e.g. "1.234,56 €" in Spanish and "€1,234.56" in English. */
    String money(Money money) {
        return printable(ReaderFormat.money(money, locale));
    }

    /** An exchange rate as the reader writes decimals, with as many places as it was given (up to 10). */
    String rate(BigDecimal rate) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(Math.max(0, Math.min(rate.stripTrailingZeros().scale(), 10)));
        format.setMaximumFractionDigits(10);
        return printable(format.format(rate));
    }

    /** A whole percentage as the reader writes it, e.g. "0 %" in Spanish. */
    String percent(int percent) {
        return printable(NumberFormat.getPercentInstance(locale).format(percent / 100.0));
    }

    /** The country's name in the reader's language, or the code itself when Java does not know it. */
    String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code.strip()).getDisplayCountry(locale);
        return name.isBlank() ? code : name;
    }

    /**
     * Locale data writes no-break spaces and a true minus sign (Norwegian), which the PDF's standard fonts lack;
     * a plain space and a hyphen read the same on paper.
     */
    private static String printable(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2212', '-');
    }
}
