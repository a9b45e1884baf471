package dev.tandem.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;

/**
 * The rules payout details must pass before they are stored, and their masked summaries. IBANs
 * are checked for the country's length (SWIFT's IBAN registry) and the ISO 7064 mod-97 checksum;
 * BICs for their form (ISO 9362: 8 or 11 characters).
 */
final class PayoutDetailsRules {

    private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern STRIPE_ACCOUNT = Pattern.compile("acct_[A-Za-z0-9]{8,40}");
    private static final String MASK = "••••";

    // IBAN length per country, from SWIFT's IBAN registry
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21),
            Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
            Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MN", 20), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28),
            Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22),
            Map.entry("RU", 33), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
            Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
            Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    private PayoutDetailsRules() {
    }

    /** The input cleaned up (upper case, no spaces) if every rule passes; otherwise every problem, by field. */
    static PayoutDetailsInput checked(PayoutDetailsInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        PayoutDetailsInput clean;
        if (input instanceof PayoutDetailsInput.Sepa sepa) {
            clean = sepa(sepa, problems);
        } else if (input instanceof PayoutDetailsInput.PayPal payPal) {
            clean = new PayoutDetailsInput.PayPal(Partners.checkedEmail(payPal.email()));
        } else if (input instanceof PayoutDetailsInput.Stripe stripe) {
            String account = text(stripe.accountId());
            if (account.isEmpty()) {
                problems.add(new FieldProblem("accountId", "is required", "validation.required"));
            } else if (!STRIPE_ACCOUNT.matcher(account).matches()) {
                problems.add(new FieldProblem("accountId", "must be a Stripe account id such as acct_1Nv0FGQ9RKHgCVdK",
                        "portal.payout.error.stripe"));
            }
            clean = new PayoutDetailsInput.Stripe(account);
        } else if (input instanceof PayoutDetailsInput.Manual manual) {
            clean = manual;
        } else {
            problems.add(new FieldProblem("type", "must be one of sepa, paypal, stripe, manual",
                    "portal.payout.error.type"));
            clean = null;
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return clean;
    }

    private static PayoutDetailsInput sepa(PayoutDetailsInput.Sepa sepa, List<FieldProblem> problems) {
        String holder = text(sepa.holderName()).replaceAll("\\s+", " ");
        if (holder.isEmpty()) {
            problems.add(new FieldProblem("holderName", "is required", "validation.required"));
        } else if (holder.length() > 70) {
            problems.add(new FieldProblem("holderName", "is too long (70 characters at most)", "validation.tooLong"));
        }
        String iban = compact(sepa.iban());
        ibanProblem(iban).ifPresent(problems::add);
        String bic = compact(sepa.bic());
        if (!bic.isEmpty() && !BIC.matcher(bic).matches()) {
            problems.add(new FieldProblem("bic", "must be 8 or 11 letters and digits: bank, country, location, branch",
                    "portal.payout.error.bic"));
        }
        return new PayoutDetailsInput.Sepa(holder, iban, bic);
    }

    private static Optional<FieldProblem> ibanProblem(String iban) {
        if (iban.isEmpty()) {
            return Optional.of(new FieldProblem("iban", "is required", "validation.required"));
        }
        if (!IBAN_SHAPE.matcher(iban).matches()) {
            return Optional.of(new FieldProblem("iban",
                    "must start with a country code and two check digits, e.g. DE89 3704 0044 0532 0130 00",
                    "portal.payout.error.ibanFormat"));
        }
        Integer length = IBAN_LENGTHS.get(iban.substring(0, 2));
        if (length == null) {
            return Optional.of(new FieldProblem("iban", "is from a country that does not use IBANs",
                    "portal.payout.error.ibanCountry"));
        }
        if (iban.length() != length) {
            return Optional.of(new FieldProblem("iban", "must have " + length + " characters for "
                    + iban.substring(0, 2) + " (has " + iban.length() + ")", "portal.payout.error.ibanLength"));
        }
        if (!checksumMatches(iban)) {
            return Optional.of(new FieldProblem("iban", "checksum does not match",
                    "portal.payout.error.ibanChecksum"));
        }
        return Optional.empty();
    }

    /** ISO 7064 mod 97-10: the first four characters moved to the end, letters as 10–35, the number mod 97 is 1. */
    static boolean checksumMatches(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder == 1;
    }

    /** What may be shown and stored in clear: enough to recognise the account, never enough to use it. */
    static String summary(PayoutDetailsInput input) {
        if (input instanceof PayoutDetailsInput.Sepa sepa) {
            String iban = compact(sepa.iban());
            return iban.length() < 8 ? "IBAN " + MASK
                    : "IBAN " + iban.substring(0, 4) + " " + MASK + " " + iban.substring(iban.length() - 4);
        }
        if (input instanceof PayoutDetailsInput.PayPal payPal) {
            String email = text(payPal.email());
            int at = email.indexOf('@');
            return at < 1 ? "PayPal " + MASK : "PayPal " + email.charAt(0) + "•••" + email.substring(at);
        }
        if (input instanceof PayoutDetailsInput.Stripe stripe) {
            String account = text(stripe.accountId());
            return account.length() < 9 ? "Stripe " + MASK
                    : "Stripe acct_" + MASK + account.substring(account.length() - 4);
        }
        return "Manual";
    }

    private static String compact(String value) {
        return value == null ? "" : value.replaceAll("[\\s-]+", "").toUpperCase(Locale.ROOT);
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
