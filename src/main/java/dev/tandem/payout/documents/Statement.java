package dev.tandem.payout.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import dev.tandem.core.Language;
import dev.tandem.core.Money;

/**
 * What a partner is told about one payout: who paid whom, how, and the commission movements it settles.
 *
 * @param language the partner's language: every word and number on the PDF is in it
 * @param payoutId the payout's public id ({@code pay_…})
 * @param programName the partner program the commissions were earned in
 * @param business who pays
 * @param partner who is paid
 * @param issuedOn the statement's date
 * @param method how the money travels, already worded in the reader's language (e.g. "SEPA transfer")
 * @param lines the movements, in the order they are to be shown
 * @param total the payout's amount in the program's currency
 * @param conversion set when the payout was paid in another currency than {@code total}'s; otherwise null
 */
public record Statement(Language language, String payoutId, String programName, Party business, Party partner,
        LocalDate issuedOn, String method, List<Line> lines, Money total, Conversion conversion) {

    public Statement {
        Objects.requireNonNull(language, "language must not be null");
        Objects.requireNonNull(business, "business must not be null");
        Objects.requireNonNull(partner, "partner must not be null");
        Objects.requireNonNull(issuedOn, "issuedOn must not be null");
        Objects.requireNonNull(total, "total must not be null");
        lines = List.copyOf(lines);
        payoutId = payoutId == null ? "" : payoutId;
        programName = programName == null ? "" : programName;
        method = method == null ? "" : method;
    }

    /**
     * The payout as it was actually paid, in another currency: the partner sees both amounts and where the rate
     * came from, so the two figures can be checked against each other.
     *
     * @param paid the amount that left the business's account
     * @param rate units of {@code paid}'s currency for one unit of the total's currency ({@code paid ≈ total × rate})
     * @param source who set the rate and when, e.g. "ECB reference rate, 2026-11-20"
     */
    public record Conversion(Money paid, BigDecimal rate, String source) {

        public Conversion {
            Objects.requireNonNull(paid, "paid must not be null");
            Objects.requireNonNull(rate, "rate must not be null");
            source = source == null ? "" : source;
        }
    }
}
