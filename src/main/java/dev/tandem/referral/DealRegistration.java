package dev.tandem.referral;

import java.time.Instant;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;

/**
 * A prospect a partner registered by hand for a program. Once accepted, the attribution engine
 * counts it as a {@code deal} touchpoint for later events of that customer email.
 *
 * @param expectedValue what the partner expects the deal to be worth, or null when they did not say
 * @param conflict what overlapped when it was submitted, or null when nothing did
 * @param decidedBy the name of who accepted or rejected it, null while submitted
 */
public record DealRegistration(WorkspaceId workspaceId, DealId id, ProgramId programId, PartnerId partnerId,
        String company, String contactName, String email, Money expectedValue, String notes, DealStatus status,
        String decisionReason, DealConflict conflict, String decidedBy, Instant decidedAt, CustomerId customerId,
        Instant createdAt) {
}
