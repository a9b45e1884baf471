package dev.tandem.tracking.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.tandem.tracking.internal.ClickRecorder;
import dev.tandem.tracking.internal.LinkCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /r/{slug}}, whichever server carries it: the servlet filter ({@link RedirectFilter})
 * and the Netty listener ({@link RedirectListener}) hand the request over as plain values and send
 * back the {@link Response} as it is. A redirect costs a map lookup, a signature and a queue offer.
 * It never answers 500: anything unexpected is logged and answered with the "no such link" page.
 */
final class Redirect {

    static final String COOKIE = "tnd_click";
    static final String ALLOWED = "GET, HEAD";
    private static final Logger log = LoggerFactory.getLogger(Redirect.class);
    private static final String PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";

    /** The request headers, by name (case-insensitive), first value; null when absent. */
    @FunctionalInterface
    interface Headers {
        String get(String name);
    }

    /**
     * What to answer.
     *
     * @param headers name, value, name, value…
     * @param body    the HTML page, or null: no body (Content-Length 0). A HEAD request gets the
     *                page's headers and length without the body, which each server leaves out.
     */
    record Response(int status, String[] headers, byte[] body) {
    }

    private final LinkCache links;
    private final ClickRecorder clicks;
    private final RedirectPages pages;

    Redirect(LinkCache links, ClickRecorder clicks, RedirectPages pages) {
        this.links = links;
        this.clicks = clicks;
        this.pages = pages;
    }

    /**
     * @param path          the raw (undecoded) request path, without the context path
     * @param query         the raw query string, or null
     * @param remoteAddress the visitor's address (the forwarding proxy's already resolved)
     * @param secure        whether the visitor came over https (to us or to a trusted proxy)
     */
    Response handle(String method, String path, String query, Headers headers, String remoteAddress, boolean secure) {
        if (!path.equals("/r") && !path.startsWith("/r/")) {
            return page(RedirectPages.Page.NOT_FOUND, query, headers);
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return new Response(405, new String[] {"Allow", ALLOWED}, null);
        }
        try {
            return redirect(method, path, query, headers, remoteAddress, secure);
        } catch (RuntimeException e) {
            log.error("Redirect {} failed", path, e);
            return page(RedirectPages.Page.NOT_FOUND, query, headers);
        }
    }

    private Response redirect(String method, String path, String query, Headers headers, String remoteAddress,
            boolean secure) {
        String slug = RedirectUrls.slug(path, "");
        LinkCache.Target target = slug == null ? null : links.find(slug);
        if (target == null) {
            return page(RedirectPages.Page.NOT_FOUND, query, headers);
        }
        if (!target.live()) {
            LinkCache.Destination fallback = target.program().fallback();
            // no click: the link is off; the fallback is the program's, never the visitor's
            return fallback == null ? page(RedirectPages.Page.GONE, query, headers) : found(fallback.url(), null);
        }
        String[] subs = new String[5];
        String[] utms = new String[5];
        RedirectUrls.readParameters(query, subs, utms);
        String clickId = clicks.record(target, new ClickRecorder.Visit(method, remoteAddress, headers.get("User-Agent"),
                headers.get("Referer"), cookie(headers.get("Cookie"), COOKIE), subs, utms));
        StringBuilder cookie = new StringBuilder(120).append(COOKIE).append('=').append(clickId)
                .append("; Max-Age=").append(target.program().windowDays() * 86_400L)
                .append("; Path=/; HttpOnly; SameSite=Lax");
        if (secure) {
            cookie.append("; Secure");
        }
        return found(RedirectUrls.location(target.destination(), query, clickId), cookie.toString());
    }

    private static Response found(String location, String cookie) {
        // every visit must reach us to be counted: no browser or proxy may replay the redirect
        return new Response(302, cookie == null
                ? new String[] {"Location", location, "Cache-Control", "private, no-store"}
                : new String[] {"Location", location, "Cache-Control", "private, no-store", "Set-Cookie", cookie}, null);
    }

    private Response page(RedirectPages.Page page, String query, Headers headers) {
        Locale locale = RedirectPages.locale(query, headers.get("Cookie"), headers.get("Accept-Language"));
        return new Response(page.status, new String[] {"Content-Type", "text/html;charset=UTF-8",
                "Cache-Control", "no-store", "Content-Security-Policy", PAGE_CSP, "X-Content-Type-Options", "nosniff",
                "Content-Language", locale.toLanguageTag()},
                pages.render(page, locale).getBytes(StandardCharsets.UTF_8));
    }

    /** A cookie's value read straight from the Cookie header (cheaper than parsing every cookie), or null. */
    static String cookie(String header, String name) {
        if (header == null) {
            return null;
        }
        String prefix = name + "=";
        int at = header.indexOf(prefix);
        while (at > 0 && header.charAt(at - 1) != ' ' && header.charAt(at - 1) != ';') {
            at = header.indexOf(prefix, at + 1);
        }
        if (at < 0) {
            return null;
        }
        int start = at + prefix.length();
        int end = header.indexOf(';', start);
        return header.substring(start, end < 0 ? header.length() : end).trim();
    }
}
