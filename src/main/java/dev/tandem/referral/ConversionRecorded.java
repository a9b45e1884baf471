package dev.tandem.referral;

import java.time.Instant;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;

/**
 * Fact for other modules (commissions, webhooks): an event was stored, or an unattributed one was
 * assigned to a partner by hand (then published again with the partner). {@code partnerId} null
 * means nobody got the credit; {@code amount} null for leads and qualifications; {@code metadataJson}
 * the sender's metadata object as stored ({@code {}} when none was sent).
 */
public record ConversionRecorded(WorkspaceId workspaceId, EventId eventId, EventType type, ProgramId programId,
        PartnerId partnerId, ReferralId referralId, CustomerId customerId, Money amount, boolean recurring,
        EventId refundOf, Instant occurredAt, String metadataJson) {
}
