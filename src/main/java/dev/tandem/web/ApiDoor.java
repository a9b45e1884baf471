package dev.tandem.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.tandem.workspace.ApiKeyPrincipal;
import dev.tandem.workspace.ApiKeys;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The {@code /api/v1/**} door for API requests served outside Spring Security and Spring MVC (the
 * listener's POST /api/v1/events): the same Bearer key, the same scope rule, the same 401/403 problem
 * details, the same {@code Idempotency-Key} promise and the same response headers as
 * {@link SecurityConfiguration#api}'s chain, built from the same pieces.
 */
@Component
public class ApiDoor {

    /** What Spring Security's default header writers add to every API answer (HSTS only over HTTPS). */
    private static final List<String> SECURITY_HEADERS = List.of("X-Content-Type-Options", "nosniff",
            "X-XSS-Protection", "0", "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Pragma", "no-cache", "Expires", "0", "X-Frame-Options", "DENY");
    private static final List<String> HSTS = List.of("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");

    private final ApiKeys apiKeys;
    private final IdempotencyStore idempotency;

    ApiDoor(ApiKeys apiKeys, IdempotencyStore idempotency) {
        this.apiKeys = apiKeys;
        this.idempotency = idempotency;
    }

    /** The caller, or the answer refusing it. */
    public record Admission(ApiKeyPrincipal caller, ListenerRoute.Answer refusal) {
    }

    /** As the API chain: an active key with a scope allowing the method ({@link #allows}), else 401 or 403. */
    public Admission admit(String method, String authorization, boolean secure) {
        Optional<ApiKeyPrincipal> key = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? apiKeys.authenticate(authorization.substring(7).trim()) : Optional.empty();
        if (key.isEmpty()) {
            return new Admission(null, problem(secure, 401, ProblemResponses.UNAUTHORIZED));
        }
        if (!allows(key.get(), method)) {
            return new Admission(null, problem(secure, 403, ProblemResponses.FORBIDDEN));
        }
        return new Admission(key.get(), null);
    }

    /**
     * The API answers JSON: whether an Accept, every line of it, allows application/json (none at all does).
     * One rule for the API chain ({@link ApiChangesAnswerJson}) and the listener's routes.
     *
     * @throws org.springframework.http.InvalidMediaTypeException when it cannot be parsed (406 on both doors)
     */
    public static boolean acceptsJson(List<String> accept) {
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        return types.isEmpty() || types.stream().anyMatch(MediaType.APPLICATION_JSON::isCompatibleWith);
    }

    /** The scope rule of the API chain: reading needs read or write, everything else write. */
    static boolean allows(ApiKeyPrincipal key, String method) {
        boolean reading = "GET".equals(method) || "HEAD".equals(method);
        return key.scopes().contains("write") || reading && key.scopes().contains("read");
    }

    /**
     * Runs the request under IdempotencyFilter's rules when it carries an {@code Idempotency-Key}: a
     * retry with the same body answers the kept answer, another body or a request still running 409,
     * a failure on our side (5xx or an exception) leaves no trace.
     */
    public ListenerRoute.Answer idempotent(ApiKeyPrincipal caller, String idempotencyKey, String path, byte[] body,
            boolean secure, Supplier<ListenerRoute.Answer> request) {
        if (idempotencyKey == null) {
            return request.get();
        }
        String key = idempotencyKey.trim();
        if (key.isEmpty() || key.length() > 255) {
            return problem(secure, 400, ProblemResponses.INVALID_IDEMPOTENCY_KEY);
        }
        byte[] hash = IdempotencyFilter.requestHash(path, body);
        var workspace = caller.workspaceId();
        if (!idempotency.claim(workspace, key, hash)) {
            IdempotencyStore.Kept kept = idempotency.find(workspace, key).orElse(null);
            if (kept == null || kept.status() == null) {
                return problem(secure, 409, ProblemResponses.IDEMPOTENCY_IN_PROGRESS);
            }
            if (!Arrays.equals(kept.requestHash(), hash)) {
                return problem(secure, 409, ProblemResponses.IDEMPOTENCY_KEY_REUSED);
            }
            List<String> headers = new ArrayList<>();
            if (kept.contentType() != null) {
                headers.addAll(List.of("Content-Type", kept.contentType()));
            }
            headers.addAll(List.of("Idempotent-Replayed", "true"));
            return answer(secure, kept.status(), headers,
                    kept.body() == null ? new byte[0] : kept.body().getBytes(StandardCharsets.UTF_8));
        }
        ListenerRoute.Answer answer;
        try {
            answer = request.get();
        } catch (RuntimeException | Error e) {
            idempotency.release(workspace, key);
            throw e;
        }
        if (answer.status() >= 500) {
            idempotency.release(workspace, key);
        } else {
            idempotency.complete(workspace, key, answer.status(), header(answer, "Content-Type"),
                    new String(answer.body(), StandardCharsets.UTF_8));
        }
        return answer;
    }

    /** An answer with the API's headers: Spring Security's defaults, then the given ones. */
    public ListenerRoute.Answer answer(boolean secure, int status, List<String> headers, byte[] body) {
        List<String> all = new ArrayList<>(SECURITY_HEADERS.size() + HSTS.size() + headers.size());
        all.addAll(SECURITY_HEADERS);
        if (secure) {
            all.addAll(HSTS);
        }
        all.addAll(headers);
        return new ListenerRoute.Answer(status, List.copyOf(all), body);
    }

    /** A JSON answer ({@code application/json}) with the API's headers. */
    public ListenerRoute.Answer json(boolean secure, int status, byte[] body) {
        return answer(secure, status, List.of("Content-Type", MediaType.APPLICATION_JSON_VALUE), body);
    }

    /** A problem+json answer (UTF-8) with the API's headers. */
    public ListenerRoute.Answer problemJson(boolean secure, int status, byte[] body) {
        return answer(secure, status, List.of("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE), body);
    }

    /** 413 for a body over {@code limit} bytes. */
    public ListenerRoute.Answer tooLarge(boolean secure, int limit) {
        return problem(secure, 413, new ProblemResponses.Problem("content-too-large", "Content Too Large",
                "The request body may be at most " + limit + " bytes."));
    }

    private ListenerRoute.Answer problem(boolean secure, int status, ProblemResponses.Problem p) {
        List<String> headers = status == 401
                ? List.of("Content-Type", ProblemResponses.CONTENT_TYPE, "WWW-Authenticate", "Bearer")
                : List.of("Content-Type", ProblemResponses.CONTENT_TYPE);
        return answer(secure, status, headers, ProblemResponses.bytes(status, p));
    }

    private static String header(ListenerRoute.Answer answer, String name) {
        List<String> headers = answer.headers();
        for (int i = headers.size() - 2; i >= 0; i -= 2) {
            if (headers.get(i).equalsIgnoreCase(name)) {
                return headers.get(i + 1);
            }
        }
        return null;
    }
}
