package dev.tandem.referral.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.referral.Attribution;
import dev.tandem.referral.ConversionEvent;
import dev.tandem.referral.Customer;
import dev.tandem.referral.Referral;
import dev.tandem.referral.ReferralStatusChange;

import static dev.tandem.referral.internal.AttributionJson.str;

/**
 * The JSON shapes of the intake and referral API (API.md), built as ordered maps so that the
 * answer stored with an event and the answers of later reads are written the same way.
 */
public final class ApiViews {

    private ApiViews() {
    }

    /** The answer to {@code POST /api/v1/events}, without commissions: {@link EventConsequences} adds them. */
    public static Map<String, Object> answer(ConversionEvent e, Map<String, Object> referral) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", e.id().toString());
        map.put("externalId", e.externalId());
        map.put("type", e.type().code());
        map.put("referral", referral);
        map.put("attribution", AttributionJson.summary(e.attribution()));
        map.put("commissions", List.of());
        return map;
    }

    public static String json(Object view) {
        return AttributionJson.JSON.writeValueAsString(view);
    }

    /** {@code GET /api/v1/referrals/{id}}; {@code attribution} null when no event attributed it (e.g. a claim). */
    public static Map<String, Object> referral(Referral r, Customer c, Attribution attribution,
            List<ReferralStatusChange> history) {
        Map<String, Object> map = referralRow(r, c);
        map.put("attribution", attribution == null ? null : AttributionJson.summary(attribution));
        map.put("history", history.stream().map(ApiViews::change).toList());
        return map;
    }

    /** A referral in a list: without attribution and history. */
    public static Map<String, Object> referralRow(Referral r, Customer c) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", r.id().toString());
        map.put("partnerId", r.partnerId().toString());
        map.put("programId", r.programId().toString());
        map.put("customer", customer(c));
        map.put("status", r.status().code());
        map.put("attributedBy", r.attributedBy());
        map.put("linkId", str(r.linkId()));
        map.put("firstSaleAt", str(r.firstSaleAt()));
        map.put("createdAt", str(r.createdAt()));
        map.put("updatedAt", str(r.updatedAt()));
        return map;
    }

    /** {@code GET /api/v1/events/{id}}: the event with its whole explanation. */
    public static Map<String, Object> event(ConversionEvent e) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", e.id().toString());
        map.put("externalId", e.externalId());
        map.put("type", e.type().code());
        map.put("occurredAt", str(e.occurredAt()));
        map.put("receivedAt", str(e.receivedAt()));
        map.put("programId", str(e.programId()));
        map.put("customerId", str(e.customerId()));
        map.put("referralId", str(e.referralId()));
        map.put("partnerId", str(e.partnerId()));
        map.put("linkId", str(e.linkId()));
        map.put("amount", e.amount() == null ? null : e.amount().amount());
        map.put("currency", e.amount() == null ? null : e.amount().currency().getCurrencyCode());
        map.put("recurring", e.recurring());
        map.put("refundOf", str(e.refundOf()));
        map.put("metadata", AttributionJson.JSON.readValue(e.metadataJson(), Map.class));
        map.put("source", e.source().code());
        map.put("attributed", e.attributed());
        map.put("attribution", AttributionJson.view(e.attribution()));
        return map;
    }

    private static Map<String, Object> customer(Customer c) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", c.id().toString());
        map.put("externalId", c.externalId());
        map.put("email", c.email());
        map.put("name", c.name());
        return map;
    }

    private static Map<String, Object> change(ReferralStatusChange h) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("at", str(h.occurredAt()));
        map.put("from", h.from() == null ? null : h.from().code());
        map.put("to", h.to().code());
        map.put("reason", h.reason());
        map.put("eventId", str(h.eventId()));
        map.put("actor", h.actorName());
        return map;
    }
}
