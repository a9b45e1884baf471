package dev.tandem.referral.web;

import java.text.NumberFormat;
import java.util.Locale;

import dev.tandem.core.Money;

/** Money as the reader writes it: {@code €12,500.00} in English, {@code 12.500,00 €} in Spanish. */
final class DealFormats {

    private DealFormats() {
    }

    static String money(Money money, Locale locale) {
        if (money == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        format.setMinimumFractionDigits(money.currency().getDefaultFractionDigits());
        format.setMaximumFractionDigits(money.currency().getDefaultFractionDigits());
        return format.format(money.toMajor());
    }
}
