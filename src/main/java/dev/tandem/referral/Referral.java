package dev.tandem.referral;

import java.time.Instant;

import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.tracking.LinkId;
import dev.tandem.workspace.WorkspaceId;

/**
 * A customer referred by a partner in a program (one per customer and program), with where it
 * stands in the pipeline. {@code attributedBy} says what gave the partner the credit:
 * {@code click}, {@code code}, {@code coupon}, {@code deal}, {@code hint}, {@code manual} or {@code claim}.
 */
public record Referral(WorkspaceId workspaceId, ReferralId id, ProgramId programId, PartnerId partnerId,
        CustomerId customerId, LinkId linkId, ReferralStatus status, String attributedBy, Instant firstSaleAt,
        Instant createdAt, Instant updatedAt) {
}
