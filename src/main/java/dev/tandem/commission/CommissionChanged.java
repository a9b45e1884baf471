package dev.tandem.commission;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;

/**
 * Fact for other modules (webhooks, emails): a commission was created ({@code from} null) or changed
 * status. Published in the transaction that made the change.
 */
public record CommissionChanged(WorkspaceId workspaceId, CommissionId commissionId, ProgramId programId,
        PartnerId partnerId, CommissionStatus from, CommissionStatus to, Money amount, String reason) {
}
