package dev.tandem.referral.web;

import java.io.IOException;

import dev.tandem.referral.PublishableKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the browser's CORS preflight for the snippet's endpoints ({@code /api/v1/public/…}) before
 * security and MVC see it. A preflight carries no body, hence no key: it is allowed when any active
 * publishable key lists the origin, and the request itself is then checked against its own key's
 * origins by {@link PublicLeadController}. Runs before Spring Security, which has nothing to say
 * about a request that can neither read nor change anything.
 */
@Component
@Order(-150)
class PublicLeadCorsFilter extends OncePerRequestFilter {

    static final String BASE = "/api/v1/public/";
    private static final String MAX_AGE_SECONDS = "600";

    private final PublishableKeys keys;

    PublicLeadCorsFilter(PublishableKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.OPTIONS.matches(request.getMethod()) || !path(request).startsWith(BASE)
                || request.getHeader(HttpHeaders.ORIGIN) == null
                || request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (!keys.anyActiveKeyAllows(origin)) {
            // no CORS headers: the browser refuses the request and says why in its console
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        allow(response, origin);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, path(request).equals(BASE + "config") ? "GET" : "POST");
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
        response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** Lets the page at this origin read the answer (never with credentials: the snippet sends no cookies). */
    static void allow(HttpServletResponse response, String origin) {
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, HttpHeaders.RETRY_AFTER);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
