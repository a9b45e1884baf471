package dev.tandem.integration.internal;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** A Stripe event as sent: its id, type, when it happened, and the object it is about ({@code data.object}). */
public record StripeEvent(String id, String type, Instant created, JsonNode object) {

    /** The event in Stripe's JSON, or null when the text is not one (no id, type or object). */
    public static StripeEvent read(JsonNode json) {
        String id = StripeJson.text(json, "id");
        String type = StripeJson.text(json, "type");
        Long created = StripeJson.number(json, "created");
        JsonNode object = StripeJson.at(json, "data", "object");
        if (id == null || type == null || created == null || !object.isObject()) {
            return null;
        }
        return new StripeEvent(id, type, Instant.ofEpochSecond(created), object);
    }
}
