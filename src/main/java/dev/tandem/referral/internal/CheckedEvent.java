package dev.tandem.referral.internal;

import java.time.Instant;

import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.EventType;

/**
 * An event that passed every check, in its domain form: trimmed, the email in lower case,
 * {@code occurredAt} defaulted to the time it arrived, the sale a refund names looked up.
 */
public record CheckedEvent(String externalId, EventType type, Instant occurredAt, CustomerKey customer, String clickId,
        String code, PartnerId partnerHint, ProgramId programHint, Money amount, EventRepository.Sale refundOf,
        String metadataJson) {

    /** The customer as sent: an external id and/or an email (lower case); name and company null when not sent. */
    public record CustomerKey(String externalId, String email, String name, String company) {
    }

    public boolean isRefund() {
        return type == EventType.REFUND || type == EventType.CHARGEBACK;
    }
}
