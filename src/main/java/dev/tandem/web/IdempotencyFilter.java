package dev.tandem.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import dev.tandem.core.Sha256;
import dev.tandem.workspace.ApiKeyPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * API.md's promise for POST: the same {@code Idempotency-Key} with the same body answers the first
 * response again (nothing is done twice); with a different body it answers 409. Keys are per
 * workspace and kept 24 hours. A request that failed on our side (5xx) leaves no trace, so its
 * retry runs for real.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final IdempotencyStore store;

    IdempotencyFilter(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiKeyPrincipal> caller = caller();
        String key = request.getHeader(HEADER).trim();
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > 255) {
            ProblemResponses.write(response, 400, ProblemResponses.INVALID_IDEMPOTENCY_KEY);
            return;
        }
        byte[] body = StreamUtils.copyToByteArray(request.getInputStream());
        byte[] hash = requestHash(request.getRequestURI(), body);
        var workspace = caller.get().workspaceId();
        if (!store.claim(workspace, key, hash)) {
            replayOrRefuse(store.find(workspace, key).orElse(null), hash, response);
            return;
        }
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), wrapped);
        } catch (IOException | ServletException | RuntimeException e) {
            store.release(workspace, key);
            throw e;
        }
        if (wrapped.getStatus() >= 500) {
            store.release(workspace, key);
        } else {
            store.complete(workspace, key, wrapped.getStatus(), wrapped.getContentType(),
                    new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8));
        }
        wrapped.copyBodyToResponse();
    }

    private static void replayOrRefuse(IdempotencyStore.Kept kept, byte[] hash, HttpServletResponse response)
            throws IOException {
        if (kept == null || kept.status() == null) {
            ProblemResponses.write(response, 409, ProblemResponses.IDEMPOTENCY_IN_PROGRESS);
        } else if (!Arrays.equals(kept.requestHash(), hash)) {
            ProblemResponses.write(response, 409, ProblemResponses.IDEMPOTENCY_KEY_REUSED);
        } else {
            response.setStatus(kept.status());
            if (kept.contentType() != null) {
                response.setContentType(kept.contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(kept.body() == null ? new byte[0]
                    : kept.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The path is hashed too, so that one key sent to two endpoints is not taken for a retry. */
    static byte[] requestHash(String path, byte[] body) {
        return Sha256.of(path.getBytes(StandardCharsets.UTF_8), new byte[] {0}, body);
    }

    private static Optional<ApiKeyPrincipal> caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ApiKeyPrincipal key ? Optional.of(key) : Optional.empty();
    }
}
