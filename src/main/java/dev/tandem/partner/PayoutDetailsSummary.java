package dev.tandem.partner;

import java.time.Instant;

/** What may be shown of a partner's payout details: the method and a masked summary such as "IBAN ES91 •••• 1332". */
public record PayoutDetailsSummary(PartnerId partnerId, String method, String summary, Instant updatedAt) {
}
