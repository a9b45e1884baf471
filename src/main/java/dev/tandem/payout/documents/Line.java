package dev.tandem.payout.documents;

import java.time.LocalDate;
import java.util.Objects;

import dev.tandem.core.Money;

/**
 * One commission movement paid out, as a row of a statement or an invoice.
 *
 * @param date when the movement happened
 * @param commissionId the commission's public id ({@code com_…})
 * @param kind {@code earned}, {@code reversal}, {@code clawback}, {@code bonus} or {@code adjustment}; the document
 *        shows it as a word in the reader's language (an unknown kind is shown as written)
 * @param explanation why the partner earned or lost it, already in the reader's language; may be empty
 * @param amount the movement, negative for reversals and clawbacks
 */
public record Line(LocalDate date, String commissionId, String kind, String explanation, Money amount) {

    public Line {
        Objects.requireNonNull(date, "date must not be null");
        Objects.requireNonNull(amount, "amount must not be null");
        commissionId = commissionId == null ? "" : commissionId;
        kind = kind == null ? "" : kind;
        explanation = explanation == null ? "" : explanation;
    }
}
