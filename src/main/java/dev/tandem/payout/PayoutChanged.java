package dev.tandem.payout;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.workspace.WorkspaceId;

/**
 * Fact for other modules (webhooks): a payout was created ({@code from} null) or changed status.
 * Published in the transaction that made the change.
 */
public record PayoutChanged(WorkspaceId workspaceId, PayoutId payoutId, PayoutRunId runId, PartnerId partnerId,
        PayoutStatus from, PayoutStatus to, Money amount, String reason) {
}
