package dev.tandem.referral.web;

import java.util.Locale;

import dev.tandem.referral.Customer;
import dev.tandem.core.ReaderFormat;
import org.springframework.context.MessageSource;

/**
 * How the referral pages write money, moments and coded words for the reader: amounts with the
 * currency in the reader's locale ({@code 49,99 €} in Spanish, {@code €49.99} in English), times in
 * the locale's style (in UTC, as everywhere in the console), and codes the service sends (statuses,
 * touchpoint kinds, models) through the bundle, falling back to the code itself for one it does
 * not know yet rather than showing {@code ??key??}.
 */
public final class ReferralPageFormat extends ReaderFormat {

    ReferralPageFormat(MessageSource messages, Locale locale) {
        super(messages, locale);
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
