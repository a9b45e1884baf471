package dev.tandem.payout.documents;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The VAT questions a self-billing invoice turns on, answered from what Tandem knows of each party: where it is
 * and the VAT id it gave. Only the form of a VAT id is checked here; whether the id is registered is VIES's
 * question, and this class asks no one.
 */
public final class SelfBillingRules {

    /** The 27 member states by ISO 3166 code (Greece is GR here; its VAT ids start with EL). */
    private static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    private static final Pattern VAT_ID = Pattern.compile("[A-Z]{2}[A-Z0-9]{2,13}");
    /** What people type between the groups of a VAT id and VIES ignores. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]");

    private SelfBillingRules() {
    }

    /**
     * Whether the customer accounts for the VAT on the partner's commissions (Articles 44 and 196 of Directive
     * 2006/112/EC): both parties are in member states, not the same one, and the partner gave a VAT id of the
     * right form. Anything else is invoiced without a reverse-charge mention.
     */
    public static boolean reverseCharge(String businessCountry, String partnerCountry, String partnerVatId) {
        String business = country(businessCountry);
        String partner = country(partnerCountry);
        return EU.contains(business) && EU.contains(partner) && !business.equals(partner)
                && !compact(partnerVatId).isEmpty() && vatIdProblem(partner, partnerVatId) == null;
    }

    /** Whether this is a VAT-registered business in a member state: an EU country and a VAT id of the right form. */
    public static boolean euBusiness(String country, String vatId) {
        return EU.contains(country(country)) && !compact(vatId).isEmpty() && vatIdProblem(country, vatId) == null;
    }

    /**
     * Why this VAT id cannot be one of this country's, or null when its form is right or there is none (whether
     * one is needed is {@link #reverseCharge}'s question). Spaces, dots and hyphens are ignored, as VIES does.
     * The form is the EU one: the country's two letters (EL for Greece) and then 2 to 13 letters or digits.
     */
    public static String vatIdProblem(String country, String vatId) {
        String id = compact(vatId);
        if (id.isEmpty()) {
            return null;
        }
        if (!VAT_ID.matcher(id).matches()) {
            return "must be two letters for the country followed by 2 to 13 letters or digits";
        }
        String expected = prefix(country(country));
        if (!expected.isEmpty() && !id.startsWith(expected)) {
            return "must start with " + expected + " for a business in " + country(country);
        }
        return null;
    }

    private static String prefix(String country) {
        return country.equals("GR") ? "EL" : country;
    }

    private static String country(String country) {
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        return code.equals("EL") ? "GR" : code;
    }

    private static String compact(String vatId) {
        return vatId == null ? "" : SEPARATORS.matcher(vatId).replaceAll("").toUpperCase(Locale.ROOT);
    }
}
