package dev.tandem.payout.documents;

/**
 * Someone named on a document: the business or the partner.
 *
 * @param name full name, as an invoice must carry it
 * @param address postal address, one line per line ({@code \n}); may be empty
 * @param country ISO 3166 alpha-2 code (e.g. {@code ES}); may be empty
 * @param vatId VAT identification number with its country prefix (e.g. {@code ESB12345678}); may be empty
 * @param email where the party is reached; may be empty
 */
public record Party(String name, String address, String country, String vatId, String email) {

    public Party {
        name = name == null ? "" : name;
        address = address == null ? "" : address;
        country = country == null ? "" : country;
        vatId = vatId == null ? "" : vatId;
        email = email == null ? "" : email;
    }
}
