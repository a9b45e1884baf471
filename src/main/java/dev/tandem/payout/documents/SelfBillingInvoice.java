package dev.tandem.payout.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import dev.tandem.core.Language;
import dev.tandem.core.Money;

/**
 * The invoice a business issues in its partner's name for the commissions it pays (self-billing, Article 224
 * of Directive 2006/112/EC): the partner supplies the service, so the partner is the supplier even though the
 * business writes the invoice.
 *
 * @param language the reader's language: every word and number on the PDF is in it
 * @param number the invoice number, sequential per program and given by the caller (e.g. {@code SB-2026-000017})
 * @param issuedOn the date of issue
 * @param supplyDate when the service was supplied (the payout's period end)
 * @param supplier the partner
 * @param customer the business, which issues the invoice on the partner's behalf
 * @param payoutId the payout the invoice accounts for ({@code pay_…})
 * @param lines the commission movements invoiced
 * @param total the net amount invoiced
 * @param reverseCharge true when the customer accounts for the VAT (see {@link SelfBillingRules#reverseCharge})
 */
public record SelfBillingInvoice(Language language, String number, LocalDate issuedOn, LocalDate supplyDate,
        Party supplier, Party customer, String payoutId, List<Line> lines, Money total, boolean reverseCharge) {

    public SelfBillingInvoice {
        Objects.requireNonNull(language, "language must not be null");
        Objects.requireNonNull(number, "number must not be null");
        Objects.requireNonNull(issuedOn, "issuedOn must not be null");
        Objects.requireNonNull(supplyDate, "supplyDate must not be null");
        Objects.requireNonNull(supplier, "supplier must not be null");
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(total, "total must not be null");
        lines = List.copyOf(lines);
        payoutId = payoutId == null ? "" : payoutId;
    }
}
