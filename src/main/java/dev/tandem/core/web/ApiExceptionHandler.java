package dev.tandem.core.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import dev.tandem.core.ApiProblems;
import dev.tandem.core.ConflictException;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidIdException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.InvalidRequestParameterException;
import dev.tandem.core.MixedCurrencyException;
import dev.tandem.core.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the JSON API as {@code application/problem+json} (RFC 9457), with the codes of
 * API.md: 400 malformed, 404 unknown, 406 not acceptable, 409 conflict, 422 well-formed but invalid (listing each
 * field and its reason). Pages have their own error handling.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler({NotFoundException.class, ConflictException.class, InvalidInputException.class,
            InvalidRequestParameterException.class, InvalidIdException.class, MixedCurrencyException.class})
    ResponseEntity<ProblemDetail> known(RuntimeException e) {
        ProblemDetail problem = ApiProblems.of(e);
        // typed here, not negotiated against the Accept: one that cannot be parsed would leave the answer bodiless
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return ResponseEntity.unprocessableContent().body(ApiProblems.invalid(HttpStatus.UNPROCESSABLE_CONTENT, problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(ApiProblems.malformedRequest());
    }

    /**
     * An Accept that allows nothing the resource answers, or that cannot be parsed: 406, with the Accept header
     * Spring lists for it (what the resource produces). Its content type is set, so Spring does not negotiate
     * it against the Accept: an unparseable one would otherwise leave the answer without a body.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.notAcceptable(e.getSupportedMediaTypes()));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        // Spring 7 leaves the type null where Spring 6 said about:blank: either way, the problem gets ours
        if (body instanceof ProblemDetail detail
                && (detail.getType() == null || "about:blank".equals(detail.getType().toString()))) {
            detail.setType(URI.create(ApiProblems.TYPE_BASE + status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
