package dev.tandem.payout;

import dev.tandem.workspace.WorkspaceId;

/**
 * Fact for other modules (emails, webhooks): a run did not pay a partner's balance, for the reason
 * given. {@code repeated}: the partner's previous run held the same currency back for the same reason
 * (they were told then).
 */
public record BalanceHeldBack(WorkspaceId workspaceId, HeldBalance held, boolean scheduled, boolean repeated) {
}
