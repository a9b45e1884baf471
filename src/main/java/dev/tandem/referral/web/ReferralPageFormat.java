package dev.tandem.referral.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import dev.tandem.core.Money;
import dev.tandem.referral.Customer;
import org.springframework.context.MessageSource;

/**
 * How the referral pages write money, moments and coded words for the reader: amounts with the
 * currency in the reader's locale ({@code 49,99 €} in Spanish, {@code €49.99} in English), times in
 * the locale's style (in UTC, as everywhere in the console), and codes the service sends (statuses,
 * touchpoint kinds, models) through the bundle, falling back to the code itself for one it does
 * not know yet rather than showing {@code ??key??}.
 */
public final class ReferralPageFormat {

    private final MessageSource messages;
    private final Locale locale;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    ReferralPageFormat(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneOffset.UTC);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC);
    }

    /** The amount with its currency, e.g. {@code €1,234.50}; empty for none (a lead has no amount). */
    public String money(Money money) {
        if (money == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        int digits = money.currency().getDefaultFractionDigits();
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        BigDecimal major = money.toMajor();
        return format.format(major);
    }

    /** A moment as date and time, in UTC (said so). */
    public String when(Instant instant) {
        return instant == null ? "" : dateTime.format(instant) + " UTC";
    }

    /** A moment's date only. */
    public String day(Instant instant) {
        return instant == null ? "" : date.format(instant);
    }

    /** The machine-readable form of a moment, for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The words for a code under a key prefix, e.g. {@code label("referral.status.", "lost")}; the code if unknown. */
    public String label(String prefix, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return messages.getMessage(prefix + code, null, code, locale);
    }

    /** The customer as staff know them: name, else email, else the business's own id. */
    public String customer(Customer customer) {
        if (customer == null) {
            return "";
        }
        if (customer.name() != null && !customer.name().isBlank()) {
            return customer.name();
        }
        if (customer.email() != null && !customer.email().isBlank()) {
            return customer.email();
        }
        return customer.externalId() == null ? customer.id().toString() : customer.externalId();
    }

    /** The customer as their partner sees them: name, else a masked email; never the business's own id. */
    public String customerForPartner(Customer customer) {
        if (customer == null) {
            return "";
        }
        if (customer.name() != null && !customer.name().isBlank()) {
            return customer.name();
        }
        return customer.email() == null ? "…" : maskedEmail(customer.email());
    }

    /** An email shown to a partner: enough to recognise, not enough to harvest ({@code an…@example.com}). */
    public String maskedEmail(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "…";
        }
        String local = email.substring(0, at);
        return local.substring(0, Math.min(2, local.length())) + "…" + email.substring(at);
    }
}
