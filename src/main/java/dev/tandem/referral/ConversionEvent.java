package dev.tandem.referral;

import java.time.Instant;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.tracking.LinkId;
import dev.tandem.workspace.WorkspaceId;

/**
 * Something the business reported about a referred customer, as stored: {@code amount} is null
 * for leads and qualifications without one; {@code partnerId} null means unattributed.
 */
public record ConversionEvent(WorkspaceId workspaceId, EventId id, String externalId, EventType type,
        Instant occurredAt, Instant receivedAt, ProgramId programId, CustomerId customerId, ReferralId referralId,
        PartnerId partnerId, LinkId linkId, Money amount, boolean recurring,
        EventId refundOf, String metadataJson, Attribution attribution, EventSource source) {

    public boolean attributed() {
        return partnerId != null;
    }
}
