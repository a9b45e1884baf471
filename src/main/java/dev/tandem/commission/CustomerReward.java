package dev.tandem.commission;

import java.time.Instant;
import java.util.UUID;

import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.CustomerId;
import dev.tandem.referral.ReferralId;
import dev.tandem.workspace.WorkspaceId;

/** What a referred customer gets (double-sided programs), owed by the business until it is honoured. */
public record CustomerReward(WorkspaceId workspaceId, UUID id, ReferralId referralId, ProgramId programId,
        PartnerId partnerId, CustomerId customerId, String description, Instant createdAt, Instant honouredAt,
        String honouredBy) {
}
