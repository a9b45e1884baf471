package dev.tandem.core;

/** One invalid input: the field's path as the client sent it (e.g. {@code customer.email}) and why. */
public record FieldProblem(String field, String message) {
}
