package dev.tandem.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.tandem.core.Language;
import dev.tandem.notification.Emails;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email's subject, HTML body and text body from {@code templates/notification/email/},
 * with messages in the recipient's language. Its own engines, not the pages' one: emails are
 * rendered outside any web request and need a plain-text mode.
 */
@Component
public class EmailRenderer {

    static final String TEMPLATES = "templates/notification/email/";

    // template names come from code, but they become file paths: no dots, no slashes
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final MessageSource messages;
    private final SpringTemplateEngine html;
    private final SpringTemplateEngine text;

    EmailRenderer(MessageSource messages) {
        this.messages = messages;
        this.html = engine(messages, TemplateMode.HTML, ".html");
        this.text = engine(messages, TemplateMode.TEXT, ".txt");
    }

    /** What an email says, in one language. */
    public record Rendered(String subject, String html, String text) {
    }

    /** What the stored copy says where a secret (a sign-in link) was, in the email's language. */
    public String removedSecret(Language language) {
        return messages.getMessage("email.secretRemoved", null, language.locale());
    }

    public Rendered render(String template, Language language, Map<String, Object> model) {
        if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("template must be a name like magic-link, got " + template);
        }
        Locale locale = language.locale();
        String subject = subject(template, locale, model);
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("subject", subject);
        Context context = new Context(locale, variables);
        // template comments and the footer's include leave blank lines at the edges of the text
        String plain = text.process(template, context).strip() + "\n";
        return new Rendered(subject, html.process(template, context), plain);
    }

    private String subject(String template, Locale locale, Map<String, Object> model) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(model.get(Emails.BRAND));
        if (model.get(Emails.SUBJECT_ARGS) instanceof List<?> more) {
            arguments.addAll(more);
        }
        String subject = messages.getMessage("email." + template + ".subject", arguments.toArray(), locale);
        // a subject is one header line; a line break from a model value must not start another header
        return subject.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static SpringTemplateEngine engine(MessageSource messages, TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(TEMPLATES);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
