package dev.tandem.core;

import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The one rule for what counts as an email address: one bare address that the mail library
 * accepts strictly (RFC 822). Every module checks addresses here, so an address that is stored
 * can always be written to.
 */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static boolean valid(String address) {
        String trimmed = address == null ? "" : address.trim();
        if (trimmed.isEmpty() || trimmed.length() > 254 || trimmed.indexOf('@') <= 0) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(trimmed, true);
            // a display name or a second address would be lost or mis-sent, so only a bare address passes
            return parsed.getPersonal() == null && trimmed.equals(parsed.getAddress())
                    && parsed.getAddress().substring(parsed.getAddress().indexOf('@') + 1).contains(".");
        } catch (AddressException notAnAddress) {
            return false;
        }
    }

    /** The address trimmed and in lower case, as Tandem stores it. */
    public static String normalised(String address) {
        return address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
    }
}
