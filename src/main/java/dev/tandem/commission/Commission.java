package dev.tandem.commission;

import java.time.Instant;
import java.util.UUID;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.CommissionPlan;
import dev.tandem.program.PlanId;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.CustomerId;
import dev.tandem.referral.EventId;
import dev.tandem.referral.ReferralId;
import dev.tandem.workspace.WorkspaceId;

/**
 * What a partner earned, or gives back (a negative {@code amount}), for one reason, with the
 * words that explain the figure. {@code baseAmount}: the sale it is a share of (for a reversal or
 * clawback, the refunded amount); {@code reverses}: the commission a reversal or clawback offsets;
 * {@code explanationParts}: the explanation as {@link Explanation} parts (JSON), for other languages.
 * Nothing about a paid commission ever changes.
 */
public record Commission(WorkspaceId workspaceId, CommissionId id, ProgramId programId, PartnerId partnerId,
        CustomerId customerId, ReferralId referralId, EventId eventId, CommissionKind kind, CommissionId reverses,
        CommissionPlan.Trigger trigger, PlanId planId, Money amount, Long baseAmount,
        CommissionPlan.RewardKind rewardKind, Instant fulfilledAt, CommissionStatus status, String explanation,
        Instant occurredAt, Instant availableAt, Instant createdAt, UUID payoutId, String explanationParts) {

    /** Only cash is owed through the ledger and paid out; other rewards are fulfilled by the business. */
    public boolean cash() {
        return rewardKind == CommissionPlan.RewardKind.CASH;
    }

}
