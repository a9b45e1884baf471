package dev.tandem.referral.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.partner.PartnerId;
import dev.tandem.referral.DealConflict;
import dev.tandem.referral.DealId;
import dev.tandem.referral.ReferralId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code conflict} column in a stable shape of our own, with public ids and ISO instants, so
 * that renaming a Java type never changes what old rows mean:
 * {@code {"customer": {referralId, partnerId, partnerName, since}, "registrations": [{dealId, partnerId,
 * partnerName, registeredAt, match}]}}.
 */
final class DealConflictJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DealConflictJson() {
    }

    static String write(DealConflict conflict) {
        if (conflict == null || !conflict.any()) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        if (conflict.customer() != null) {
            DealConflict.Customer c = conflict.customer();
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("referralId", c.referralId() == null ? null : c.referralId().toString());
            customer.put("partnerId", c.partnerId() == null ? null : c.partnerId().toString());
            customer.put("partnerName", c.partnerName());
            customer.put("since", c.since() == null ? null : c.since().toString());
            json.put("customer", customer);
        }
        List<Map<String, Object>> registrations = new ArrayList<>();
        for (DealConflict.Registration r : conflict.registrations()) {
            Map<String, Object> registration = new LinkedHashMap<>();
            registration.put("dealId", r.dealId().toString());
            registration.put("partnerId", r.partnerId().toString());
            registration.put("partnerName", r.partnerName());
            registration.put("registeredAt", r.registeredAt().toString());
            registration.put("match", r.match());
            registrations.add(registration);
        }
        json.put("registrations", registrations);
        return JSON.writeValueAsString(json);
    }

    static DealConflict read(String json) {
        if (json == null) {
            return null;
        }
        JsonNode root = JSON.readTree(json);
        DealConflict.Customer customer = null;
        JsonNode c = root.path("customer");
        if (c.isObject()) {
            customer = new DealConflict.Customer(text(c, "referralId") == null ? null : ReferralId.parse(text(c, "referralId")),
                    text(c, "partnerId") == null ? null : PartnerId.parse(text(c, "partnerId")),
                    text(c, "partnerName"), text(c, "since") == null ? null : Instant.parse(text(c, "since")));
        }
        List<DealConflict.Registration> registrations = new ArrayList<>();
        for (JsonNode r : root.path("registrations")) {
            registrations.add(new DealConflict.Registration(DealId.parse(text(r, "dealId")),
                    PartnerId.parse(text(r, "partnerId")), text(r, "partnerName"),
                    Instant.parse(text(r, "registeredAt")), text(r, "match")));
        }
        return new DealConflict(customer, registrations);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
