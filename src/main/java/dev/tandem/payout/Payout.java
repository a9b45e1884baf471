package dev.tandem.payout;

import java.math.BigDecimal;
import java.time.Instant;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;

/**
 * What one partner is paid in one currency by one run: the net of the commissions it holds,
 * through the partner's method to a destination shown masked ("IBAN ES91 •••• 1332").
 * {@code paid} is set when a manager chose to pay in another currency at {@code rate} from {@code rateSource};
 * {@code invoiceNumber} when a self-billing invoice was issued for it.
 */
public record Payout(WorkspaceId workspaceId, PayoutId id, PayoutRunId runId, ProgramId programId, PartnerId partnerId,
        Money amount, PayoutMethod method, String destination, PayoutStatus status, String reference,
        String failureReason, Money paid, BigDecimal rate, String rateSource, String invoiceNumber, Instant createdAt,
        Instant updatedAt) {

    /** The amount that leaves the business: in the other currency when a rate was set. */
    public Money sent() {
        return paid != null ? paid : amount;
    }
}
