package dev.tandem.referral;

import java.time.Instant;

/** One step in a referral's history: who moved it from where to where, when and why ({@code from} null when created). */
public record ReferralStatusChange(Instant occurredAt, ReferralStatus from, ReferralStatus to, String reason,
        EventId eventId, String actorName) {
}
