package dev.tandem.payout;

import dev.tandem.workspace.WorkspaceId;

/** Fact for other modules (emails, webhooks): a run did not pay a partner's balance, for the reason given. */
public record BalanceHeldBack(WorkspaceId workspaceId, HeldBalance held, boolean scheduled) {
}
