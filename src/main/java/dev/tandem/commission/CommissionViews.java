package dev.tandem.commission;

import java.util.LinkedHashMap;
import java.util.Map;

/** A commission as the API shows it (API.md), also inside the intake's answer. */
public final class CommissionViews {

    private CommissionViews() {
    }

    public static Map<String, Object> view(Commission c) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", c.id().toString());
        map.put("partnerId", c.partnerId().toString());
        map.put("programId", c.programId().toString());
        map.put("referralId", c.referralId() == null ? null : c.referralId().toString());
        map.put("eventId", c.eventId() == null ? null : c.eventId().toString());
        map.put("kind", c.kind().code());
        map.put("reverses", c.reverses() == null ? null : c.reverses().toString());
        map.put("amount", c.amount().amount());
        map.put("currency", c.amount().currency().getCurrencyCode());
        map.put("rewardKind", c.rewardKind().code());
        map.put("status", c.status().code());
        map.put("explanation", c.explanation());
        map.put("availableAt", c.availableAt().toString());
        map.put("payoutId", c.payoutId() == null ? null : dev.tandem.core.Ids.format("pay", c.payoutId()));
        map.put("createdAt", c.createdAt().toString());
        return map;
    }
}
