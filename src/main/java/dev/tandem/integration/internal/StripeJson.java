package dev.tandem.integration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * Reads Stripe's objects as plain JSON, field by field, so that an account on another Stripe API
 * version (fields added, moved or expanded) still parses: a missing or null field is null here.
 */
final class StripeJson {

    private StripeJson() {
    }

    /** The text at this path, or null when it is absent, null, blank or not text. */
    static String text(JsonNode node, String... path) {
        JsonNode at = at(node, path);
        return at.isString() && !at.asString().isBlank() ? at.asString().trim() : null;
    }

    /** The whole number at this path, or null. */
    static Long number(JsonNode node, String... path) {
        JsonNode at = at(node, path);
        return at.isIntegralNumber() && at.canConvertToLong() ? at.asLong() : null;
    }

    /** The id of the object at this path: Stripe sends it as the id itself, or as the whole object when expanded. */
    static String id(JsonNode node, String... path) {
        JsonNode at = at(node, path);
        return at.isObject() ? text(at, "id") : text(node, path);
    }

    /** A value of the object's {@code metadata}, or null. */
    static String metadata(JsonNode node, String key) {
        return text(node, "metadata", key);
    }

    /** The elements of the list at this path: a JSON array, or a Stripe list object's {@code data}. */
    static Stream<JsonNode> list(JsonNode node, String... path) {
        JsonNode at = at(node, path);
        JsonNode array = at.isObject() ? at.path("data") : at;
        return array.isArray() ? array.valueStream() : Stream.empty();
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode at = node;
        for (String field : path) {
            at = at.path(field);
        }
        return at;
    }

    /** The first of these values that is not null. */
    @SafeVarargs
    static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** These values without the nulls, in their order. */
    @SafeVarargs
    static <T> List<T> present(T... values) {
        List<T> present = new ArrayList<>();
        for (T value : values) {
            if (value != null) {
                present.add(value);
            }
        }
        return present;
    }
}
