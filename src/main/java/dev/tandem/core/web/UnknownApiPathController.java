package dev.tandem.core.web;

import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tandem.core.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An API path nobody serves answers a 404 problem, not an HTML error page.
 *
 * <p>Spring MVC also lands here when a resource exists but its mapping produces nothing the request's Accept
 * allows (POST /api/v1/events with {@code Accept: text/html}): this catch-all, which produces anything, then
 * matches in its place. That answers 406, as Spring MVC would without the catch-all: the same request is matched
 * again with {@code Accept: *}{@code /*}, and when another handler takes it, the resource exists and the
 * exception names what it produces ({@link ApiExceptionHandler} writes the problem). A wrong method or a
 * path nobody serves still answers 404.
 */
@RestController
@Hidden
class UnknownApiPathController {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    UnknownApiPathController(@Qualifier("requestMappingHandlerMapping")
            ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/v1/**")
    void unknown(HttpServletRequest request) throws Exception {
        Set<MediaType> producible = producibleForAnyAccept(request);
        if (!producible.isEmpty()) {
            try {
                MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
            } catch (InvalidMediaTypeException unparseable) {
                // as Spring MVC refuses an Accept it cannot parse: 406, naming no type
                throw new HttpMediaTypeNotAcceptableException(unparseable.getMessage());
            }
            throw new HttpMediaTypeNotAcceptableException(List.copyOf(producible));
        }
        throw new NotFoundException("There is no API resource at " + request.getRequestURI() + ".");
    }

    /**
     * What the handler that would take this request if it accepted anything produces; empty when none but this
     * catch-all would. The lookup's request attributes (best matching pattern, URI variables, producible types)
     * stay on the wrapper, so the real request's error answer is negotiated as if the lookup had not happened.
     */
    private Set<MediaType> producibleForAnyAccept(HttpServletRequest request) throws Exception {
        AnyAccept probe = new AnyAccept(request);
        HandlerExecutionChain chain = mappings.getObject().getHandler(probe);
        if (chain == null || !(chain.getHandler() instanceof HandlerMethod handler)
                || handler.getBeanType() == UnknownApiPathController.class) {
            return Set.of();
        }
        Object producible = probe.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        if (!(producible instanceof Collection<?> types)) {
            return Set.of();
        }
        Set<MediaType> result = new LinkedHashSet<>();
        for (Object type : types) {
            result.add((MediaType) type);
        }
        return result;
    }

    /** The request as it would be with {@code Accept: *}{@code /*}; attributes set or removed on it stay on it. */
    private static final class AnyAccept extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();
        private final Set<String> removed = new HashSet<>();

        AnyAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.ALL_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(MediaType.ALL_VALUE))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.removeIf(HttpHeaders.ACCEPT::equalsIgnoreCase);
            names.add(HttpHeaders.ACCEPT);
            return Collections.enumeration(names);
        }

        @Override
        public Object getAttribute(String name) {
            if (attributes.containsKey(name)) {
                return attributes.get(name);
            }
            return removed.contains(name) ? null : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
            names.removeAll(removed);
            names.addAll(attributes.keySet());
            return Collections.enumeration(names);
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                removeAttribute(name);
                return;
            }
            attributes.put(name, value);
            removed.remove(name);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
            removed.add(name);
        }
    }
}
