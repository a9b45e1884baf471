package dev.tandem.referral.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.partner.PartnerId;
import dev.tandem.referral.Attribution;
import dev.tandem.tracking.LinkId;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of an attribution explanation (conversion_event.attribution): public ids, ISO
 * times, so that it reads the same in the database, the API and the pages.
 */
public final class AttributionJson {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private AttributionJson() {
    }

    record StoredTouch(String kind, String partnerId, String linkId, String at, String outcome, String why) {
    }

    record Stored(String model, String partnerId, String linkId, String reason, List<StoredTouch> touchpoints) {
    }

    public static String write(Attribution a) {
        return JSON.writeValueAsString(view(a));
    }

    /** The explanation as a JSON-ready map, ids in their public form. */
    public static Map<String, Object> view(Attribution a) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", a.model());
        map.put("partnerId", str(a.partnerId()));
        map.put("linkId", str(a.linkId()));
        map.put("reason", a.reason());
        map.put("touchpoints", a.touchpoints().stream().map(AttributionJson::touch).toList());
        return map;
    }

    /** The short form the event answer and the referral carry: partner, link, model and reason. */
    public static Map<String, Object> summary(Attribution a) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("partnerId", str(a.partnerId()));
        map.put("linkId", str(a.linkId()));
        map.put("model", a.model());
        map.put("reason", a.reason());
        return map;
    }

    public static Attribution read(String json) {
        Stored s = JSON.readValue(json, Stored.class);
        List<Attribution.Touch> touches = s.touchpoints() == null ? List.of() : s.touchpoints().stream()
                .map(t -> new Attribution.Touch(t.kind(), t.partnerId() == null ? null : PartnerId.parse(t.partnerId()),
                        t.linkId() == null ? null : LinkId.parse(t.linkId()), t.at() == null ? null : Instant.parse(t.at()),
                        t.outcome(), t.why()))
                .toList();
        return new Attribution(s.model(), s.partnerId() == null ? null : PartnerId.parse(s.partnerId()),
                s.linkId() == null ? null : LinkId.parse(s.linkId()), s.reason(), touches);
    }

    private static Map<String, Object> touch(Attribution.Touch t) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", t.kind());
        map.put("partnerId", str(t.partnerId()));
        map.put("linkId", str(t.linkId()));
        map.put("at", str(t.at()));
        map.put("outcome", t.outcome());
        map.put("why", t.why());
        return map;
    }

    /** An id or time in its public form (ISO for times), null as null. */
    static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
