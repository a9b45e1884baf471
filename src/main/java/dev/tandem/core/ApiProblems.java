package dev.tandem.core;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The API's errors as RFC 9457 problem details, with the codes of API.md: 400 malformed, 404 unknown,
 * 406 an Accept that allows nothing the resource answers, 409 conflict, 422 well-formed but invalid (listing each field and its reason). One mapping for
 * Spring MVC's exception handler and for the API served outside it (the listener's POST /api/v1/events).
 */
public final class ApiProblems {

    public static final String TYPE_BASE = "https://tandem.dev/problems/";

    private ApiProblems() {
    }

    /** The problem an API request that failed with this exception answers; null for an unexpected one. */
    public static ProblemDetail of(Throwable e) {
        if (e instanceof NotFoundException) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        }
        if (e instanceof ConflictException) {
            return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        }
        if (e instanceof InvalidInputException invalid) {
            return invalid(HttpStatus.UNPROCESSABLE_CONTENT, invalid.problems());
        }
        if (e instanceof InvalidRequestParameterException parameter) {
            return invalid(HttpStatus.BAD_REQUEST, List.of(new FieldProblem(parameter.field(), e.getMessage())));
        }
        if (e instanceof InvalidIdException || e instanceof MixedCurrencyException) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input", e.getMessage());
        }
        return null;
    }

    /** A body that is not JSON or not of the expected shape. */
    public static ProblemDetail malformedRequest() {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The request body is not valid JSON or does not match the expected shape.");
    }

    /**
     * A request whose Accept allows none of the types the resource answers ({@code producible}), or that cannot
     * be parsed (none named). Written as application/problem+json whatever the Accept, as RFC 9457 errors are.
     */
    public static ProblemDetail notAcceptable(Collection<MediaType> producible) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable", producible.isEmpty()
                ? "The Accept header cannot be parsed."
                : "This resource answers " + producible.stream().map(MediaType::toString)
                        .collect(Collectors.joining(", ")) + "; the Accept header allows none of it.");
    }

    public static ProblemDetail invalid(HttpStatus status, List<FieldProblem> problems) {
        ProblemDetail detail = problem(status, "invalid-input", "Invalid input",
                problems.size() == 1 ? "One field is invalid." : problems.size() + " fields are invalid.");
        detail.setProperty("errors", problems);
        return detail;
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
