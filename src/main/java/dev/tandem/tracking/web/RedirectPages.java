package dev.tandem.tracking.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.core.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The redirect's two pages, "no such link" (404) and "link disabled" (410), rendered with
 * Thymeleaf straight from the filter: the redirect runs before Spring MVC and Spring Security, so
 * these rare pages set their own headers and take their language from the application's
 * LocaleResolver themselves (?lang=, the language cookie the other public pages set, then Accept-Language).
 */
final class RedirectPages {

    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'";

    private final ITemplateEngine templates;
    private final LocaleResolver locales;
    private volatile JakartaServletWebApplication application;

    RedirectPages(ITemplateEngine templates, LocaleResolver locales) {
        this.templates = templates;
        this.locales = locales;
    }

    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, HttpServletResponse.SC_NOT_FOUND, "tracking/redirect/not-found");
    }

    void gone(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, HttpServletResponse.SC_GONE, "tracking/redirect/gone");
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, String template)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Language", locale.toLanguageTag());
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        if (application == null) {
            application = JakartaServletWebApplication.buildApplication(request.getServletContext());
        }
        WebContext context = new WebContext(application.buildExchange(request, response), locale,
                Map.of("languages", List.of(Language.values())));
        templates.process(template, context, response.getWriter());
    }
}
