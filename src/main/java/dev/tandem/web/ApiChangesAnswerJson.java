package dev.tandem.web;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The API's changes answer JSON, and a request whose Accept allows no JSON is refused (406) before its
 * handler runs. Spring MVC decides a 406 only when it writes the answer, after the handler: a POST, PUT,
 * PATCH or DELETE with {@code Accept: text/html} made its change and then refused to say so, and a retry
 * made it again. Reads are left to Spring's own negotiation (payout runs' CSV files answer an Accept that
 * asks for CSV); so is the catch-all for paths nobody serves, which answers 404 whatever the Accept.
 */
final class ApiChangesAnswerJson implements HandlerInterceptor {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String UNKNOWN_PATHS = "/api/v1/**";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!CHANGES.contains(request.getMethod())
                || UNKNOWN_PATHS.equals(String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)))) {
            return true;
        }
        try {
            if (ApiDoor.acceptsJson(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)))) {
                return true;
            }
        } catch (InvalidMediaTypeException unparseable) {
            // as Spring MVC refuses an Accept it cannot parse
            throw new HttpMediaTypeNotAcceptableException(unparseable.getMessage());
        }
        throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
    }
}
