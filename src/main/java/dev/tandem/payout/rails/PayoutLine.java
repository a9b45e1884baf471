package dev.tandem.payout.rails;

import java.util.Objects;

import dev.tandem.core.Money;

/**
 * One payout as every rail sees it: who is paid, how much, and the payout's own id, which each rail
 * carries as its unique reference so that a payment can be matched back to the payout it settles.
 *
 * @param payoutId the payout's prefixed id, e.g. {@code pay_3x9…} (at most 40 characters)
 * @param partnerName the partner's name as shown to people reading a file
 * @param partnerEmail the partner's contact email (not necessarily where PayPal pays)
 * @param amount what is paid, positive
 * @param note remittance text for the partner; may be null
 */
public record PayoutLine(String payoutId, String partnerName, String partnerEmail, Money amount, String note) {

    public PayoutLine {
        Objects.requireNonNull(payoutId, "payoutId must not be null");
        Objects.requireNonNull(amount, "amount must not be null");
    }
}
