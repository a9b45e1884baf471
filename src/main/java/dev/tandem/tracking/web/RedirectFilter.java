package dev.tandem.tracking.web;

import java.io.IOException;

import dev.tandem.tracking.internal.ClickRecorder;
import dev.tandem.tracking.internal.LinkCache;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /r/{slug}}: the hot path. A servlet filter mapped to {@code /r/*} ahead of every other
 * filter (sessions, security, observation, MVC), so a redirect costs a map lookup, a signature and
 * a queue offer. It never ends the chain for another path and never answers 500: anything
 * unexpected is logged and answered with the "no such link" page.
 */
final class RedirectFilter implements Filter {

    static final String COOKIE = "tnd_click";
    private static final Logger log = LoggerFactory.getLogger(RedirectFilter.class);

    private final LinkCache links;
    private final ClickRecorder clicks;
    private final RedirectPages pages;

    RedirectFilter(LinkCache links, ClickRecorder clicks, RedirectPages pages) {
        this.links = links;
        this.clicks = clicks;
        this.pages = pages;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        try {
            redirect(request, response, method);
        } catch (RuntimeException e) {
            log.error("Redirect {} failed", request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.reset();
                pages.notFound(request, response);
            }
        }
    }

    private void redirect(HttpServletRequest request, HttpServletResponse response, String method) throws IOException {
        String slug = RedirectUrls.slug(request.getRequestURI(), request.getContextPath());
        LinkCache.Target target = slug == null ? null : links.find(slug);
        if (target == null) {
            pages.notFound(request, response);
            return;
        }
        if (!target.live()) {
            LinkCache.Destination fallback = target.program().fallback();
            if (fallback == null) {
                pages.gone(request, response);
            } else {
                // no click: the link is off; the fallback is the program's, never the visitor's
                send(response, fallback.url());
            }
            return;
        }
        String query = request.getQueryString();
        String[] subs = new String[5];
        String[] utms = new String[5];
        RedirectUrls.readParameters(query, subs, utms);
        String clickId = clicks.record(target, new ClickRecorder.Visit(method, request.getRemoteAddr(),
                request.getHeader("User-Agent"), request.getHeader("Referer"), cookie(request), subs, utms));
        StringBuilder cookie = new StringBuilder(120).append(COOKIE).append('=').append(clickId)
                .append("; Max-Age=").append(target.program().windowDays() * 86_400L)
                .append("; Path=/; HttpOnly; SameSite=Lax");
        if (request.isSecure()) {
            cookie.append("; Secure");
        }
        response.addHeader("Set-Cookie", cookie.toString());
        send(response, RedirectUrls.location(target.destination(), query, clickId));
    }

    private static void send(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
        // every visit must reach us to be counted: no browser or proxy may replay the redirect
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(0);
    }

    /** The tnd_click cookie, read straight from the header (cheaper than parsing every cookie). */
    static String cookie(HttpServletRequest request) {
        String header = request.getHeader("Cookie");
        if (header == null) {
            return null;
        }
        int at = header.indexOf(COOKIE + "=");
        while (at > 0 && header.charAt(at - 1) != ' ' && header.charAt(at - 1) != ';') {
            at = header.indexOf(COOKIE + "=", at + 1);
        }
        if (at < 0) {
            return null;
        }
        int start = at + COOKIE.length() + 1;
        int end = header.indexOf(';', start);
        return header.substring(start, end < 0 ? header.length() : end).trim();
    }
}
