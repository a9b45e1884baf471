package dev.tandem.core;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One invalid input: the field's path as the client sent it (e.g. {@code customer.email}), why in
 * English (the API's language), and a message code that pages resolve in the reader's language.
 */
public record FieldProblem(String field, String message, @JsonIgnore String code) {

    public FieldProblem(String field, String message) {
        this(field, message, null);
    }
}
