package dev.tandem.referral;

import java.time.Instant;

import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;

/**
 * A partner's "this customer came from me" for a program, with their evidence. Accepting it credits
 * the customer to the partner by hand ({@code attributedBy = claim}); {@code referralId} is that referral.
 */
public record ReferralClaim(WorkspaceId workspaceId, ClaimId id, ProgramId programId, PartnerId partnerId,
        String customerEmail, String customerName, String evidence, ClaimStatus status, String decisionReason,
        String decidedBy, Instant decidedAt, ReferralId referralId, Instant createdAt) {
}
