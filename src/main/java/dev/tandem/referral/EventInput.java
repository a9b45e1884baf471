package dev.tandem.referral;

import java.time.Instant;
import java.util.Map;

/**
 * What the business sends to {@code POST /api/v1/events} (API.md), also built by the hosted page
 * and the snippet. Everything is as sent and checked by the intake; {@code programId} is needed
 * only when the workspace has several programs and no click id or code names one.
 */
public record EventInput(String id, String type, Instant occurredAt, CustomerInput customer, String clickId,
        String code, String partnerId, String programId, Long amount, String currency, String refundOf,
        Map<String, Object> metadata) {

    /** The customer as the business knows them; an external id or an email finds them again. */
    public record CustomerInput(String externalId, String email, String name, String company) {
    }
}
