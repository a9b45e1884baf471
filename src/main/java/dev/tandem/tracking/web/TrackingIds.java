package dev.tandem.tracking.web;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.tandem.core.InvalidInputException;
import dev.tandem.core.InvalidRequestParameterException;

/** Ids sent in bodies, forms and filters: blank is none, malformed is the sender's mistake on that field. */
final class TrackingIds {

    private TrackingIds() {
    }

    /** An id from a JSON body or a form: a malformed one is a 422 on the field. */
    static <T> T field(String value, String field, String prefix, Function<String, T> parser) {
        return parse(value, parser, () -> {
            throw InvalidInputException.of(field, "validation.invalid", "must be an id starting with " + prefix + "_");
        });
    }

    /** An id from a query parameter: a malformed one is a 400 naming the parameter. */
    static <T> T parameter(String value, String parameter, String prefix, Function<String, T> parser) {
        return parse(value, parser, () -> {
            throw new InvalidRequestParameterException(parameter, "must be an id starting with " + prefix + "_");
        });
    }

    /** An id from a page's filter or page link: anything unreadable is none rather than an error page. */
    static <T> T lenient(String value, Function<String, T> parser) {
        return parse(value, parser, () -> null);
    }

    private static <T> T parse(String value, Function<String, T> parser, Supplier<T> malformed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException e) {
            return malformed.get();
        }
    }
}
