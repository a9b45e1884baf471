package dev.tandem.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

/** Security failures on the API, written as RFC 9457 problem details (never a login page). */
final class ProblemResponses {

    /** What {@link #write} sets: problem+json in UTF-8. */
    static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8";

    static final Problem UNAUTHORIZED = new Problem("unauthorized", "Unauthorized",
            "Send a valid API key as 'Authorization: Bearer tnd_sk_...'.");
    static final Problem FORBIDDEN = new Problem("forbidden", "Forbidden",
            "This API key's scopes do not allow this request.");
    static final Problem INVALID_IDEMPOTENCY_KEY = new Problem("invalid-idempotency-key", "Invalid Idempotency-Key",
            "The Idempotency-Key header must be 1 to 255 characters.");
    static final Problem IDEMPOTENCY_IN_PROGRESS = new Problem("idempotency-in-progress", "Request in progress",
            "A request with this Idempotency-Key is still being processed; retry in a moment.");
    static final Problem IDEMPOTENCY_KEY_REUSED = new Problem("idempotency-key-reused", "Idempotency-Key reused",
            "This Idempotency-Key was used with a different request body.");

    /** A problem's texts (ours, never the caller's, so nothing needs escaping). */
    record Problem(String type, String title, String detail) {
    }

    private ProblemResponses() {
    }

    static void write(HttpServletResponse response, int status, Problem problem) throws IOException {
        write(response, status, problem.type(), problem.title(), problem.detail());
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(json(status, type, title, detail));
    }

    /** The body {@link #write} writes; texts are ours, never the caller's, so nothing needs escaping. */
    static String json(int status, String type, String title, String detail) {
        return "{\"type\":\"https://tandem.dev/problems/" + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }

    static byte[] bytes(int status, Problem problem) {
        return json(status, problem.type(), problem.title(), problem.detail()).getBytes(StandardCharsets.UTF_8);
    }
}
