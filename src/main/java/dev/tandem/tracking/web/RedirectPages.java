package dev.tandem.tracking.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.tandem.core.Language;
import org.springframework.context.MessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The redirect's two pages, "no such link" (404) and "link disabled" (410), rendered to a String
 * from nothing but the language, so that the servlet filter and the Netty listener answer the same
 * bytes. Neither runs Spring MVC, so the pages have their own small template engine (the
 * application's templates and messages; context-relative links get the servlet context path
 * without a servlet request) and each (page, language) is rendered once.
 */
final class RedirectPages {

    /** The two pages and their status. */
    enum Page {
        NOT_FOUND(404, "tracking/redirect/not-found"),
        GONE(410, "tracking/redirect/gone");

        final int status;
        final String template;

        Page(int status, String template) {
            this.status = status;
            this.template = template;
        }
    }

    private final SpringTemplateEngine engine;
    private final Map<String, String> rendered = new ConcurrentHashMap<>();

    /** @param contextPath the servlet context path ("" at the root) the pages' stylesheet links start with */
    RedirectPages(MessageSource messages, String contextPath) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
                return contextPath;
            }
        });
    }

    /** The page in the locale's language (rendered on first use, then kept: it depends on nothing else). */
    String render(Page page, Locale locale) {
        return rendered.computeIfAbsent(page.name() + ':' + locale.toLanguageTag(), key -> engine.process(page.template,
                new Context(locale, Map.of("languages", List.of(Language.values())))));
    }

    /** The visitor's language, by the rule the application's LocaleResolver uses for anyone not signed in. */
    static Locale locale(String query, String cookieHeader, String acceptLanguage) {
        return Language.forVisitor(RedirectUrls.parameter(query, "lang"), Redirect.cookie(cookieHeader, Language.COOKIE),
                acceptLanguage).locale();
    }
}
