package dev.tandem.core;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks a bank account passes before anyone is paid from or to it: an IBAN has its country's
 * length (SWIFT's IBAN registry) and a matching ISO 7064 mod-97 checksum; a BIC has the ISO 9362
 * form (8 or 11 characters). Problems carry a message code that pages resolve in the reader's language.
 */
public final class BankAccounts {

    private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}");
    // ISO 9362:2014, as the SEPA schema has it: the institution code may hold digits since 2014
    private static final Pattern BIC = Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

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

    private BankAccounts() {
    }

    /** Upper case without spaces or dashes, as banks compare them; "" for null. */
    public static String compact(String value) {
        return value == null ? "" : value.replaceAll("[\\s-]+", "").toUpperCase(Locale.ROOT);
    }

    /** What is wrong with a compacted IBAN, named as {@code field}; empty if nothing. */
    public static Optional<FieldProblem> ibanProblem(String field, String iban) {
        if (iban.isEmpty()) {
            return Optional.of(new FieldProblem(field, "is required", "validation.required"));
        }
        if (!IBAN_SHAPE.matcher(iban).matches()) {
            return Optional.of(new FieldProblem(field,
                    "must start with a country code and two check digits, e.g. DE89 3704 0044 0532 0130 00",
                    "portal.payout.error.ibanFormat"));
        }
        Integer length = IBAN_LENGTHS.get(iban.substring(0, 2));
        if (length == null) {
            return Optional.of(new FieldProblem(field, "is from a country that does not use IBANs",
                    "portal.payout.error.ibanCountry"));
        }
        if (iban.length() != length) {
            return Optional.of(new FieldProblem(field, "must have " + length + " characters for "
                    + iban.substring(0, 2) + " (has " + iban.length() + ")", "portal.payout.error.ibanLength"));
        }
        if (!checksumMatches(iban)) {
            return Optional.of(new FieldProblem(field, "checksum does not match", "portal.payout.error.ibanChecksum"));
        }
        return Optional.empty();
    }

    /** What is wrong with a compacted BIC, named as {@code field}; empty if nothing or none given (optional inside SEPA). */
    public static Optional<FieldProblem> bicProblem(String field, String bic) {
        if (!bic.isEmpty() && !BIC.matcher(bic).matches()) {
            return Optional.of(new FieldProblem(field,
                    "must be 8 or 11 letters and digits: bank, country, location, branch", "portal.payout.error.bic"));
        }
        return Optional.empty();
    }

    /** ISO 7064 mod 97-10: the first four characters moved to the end, letters as 10–35, the number mod 97 is 1. */
    static boolean checksumMatches(String iban) {
        return mod97(iban.substring(4) + iban.substring(0, 4)) == 1;
    }

    /** The IBAN of a domestic account number: the country, the two check digits that make it valid, the account. */
    public static String withCheckDigits(String country, String bban) {
        return country + String.format("%02d", 98 - mod97(bban + country + "00")) + bban;
    }

    private static int mod97(String digitsAndLetters) {
        int remainder = 0;
        for (char c : digitsAndLetters.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }
}
