package dev.tandem.tracking.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.tandem.core.Language;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The redirect's two pages, "no such link" (404) and "link disabled" (410), rendered with
 * Thymeleaf straight from the filter: the redirect runs before Spring MVC and Spring Security, so
 * these rare pages set their own headers and pick their own language (?lang=, the language cookie
 * the other public pages set, then Accept-Language).
 */
final class RedirectPages {

    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";
    private static final String LANGUAGE_COOKIE = "tandem_lang";

    private final ITemplateEngine templates;
    private volatile JakartaServletWebApplication application;

    RedirectPages(ITemplateEngine templates) {
        this.templates = templates;
    }

    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, HttpServletResponse.SC_NOT_FOUND, "tracking/redirect/not-found");
    }

    void gone(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, HttpServletResponse.SC_GONE, "tracking/redirect/gone");
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, String template)
            throws IOException {
        Language language = language(request);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Language", language.tag());
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        if (application == null) {
            application = JakartaServletWebApplication.buildApplication(request.getServletContext());
        }
        WebContext context = new WebContext(application.buildExchange(request, response), language.locale(),
                Map.of("languages", List.of(Language.values())));
        templates.process(template, context, response.getWriter());
    }

    static Language language(HttpServletRequest request) {
        return Language.fromTag(request.getParameter("lang"))
                .or(() -> fromCookie(request))
                .or(() -> fromAcceptLanguage(request.getHeader("Accept-Language")))
                .orElse(Language.EN);
    }

    private static Optional<Language> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (LANGUAGE_COOKIE.equals(cookie.getName())) {
                    return Language.fromTag(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                Optional<Language> language = range.getWeight() > 0 && !range.getRange().equals("*")
                        ? Language.fromTag(range.getRange()) : Optional.empty();
                if (language.isPresent()) {
                    return language;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header no browser sends: English
        }
        return Optional.empty();
    }
}
