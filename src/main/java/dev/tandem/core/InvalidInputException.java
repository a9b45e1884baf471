package dev.tandem.core;

import java.util.List;

/** Well-formed input that breaks a rule only the application can check (e.g. an email already taken): 422. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    /** One field, with a message code for pages and the English message for the API. */
    public static InvalidInputException of(String field, String code, String englishMessage) {
        return new InvalidInputException(List.of(new FieldProblem(field, englishMessage, code)));
    }

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).field() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
