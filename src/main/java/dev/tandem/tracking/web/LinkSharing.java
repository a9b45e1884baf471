package dev.tandem.tracking.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tandem.program.Program;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a partner shares a link with: one-click share addresses for LinkedIn, X, Facebook and email,
 * and ready-to-paste texts, all written in the partner's language from the program's name and
 * description.
 */
@Component
class LinkSharing {

    private final MessageSource messages;

    LinkSharing(MessageSource messages) {
        this.messages = messages;
    }

    /** Where each share button leads for this link. */
    record Targets(String linkedIn, String x, String facebook, String email) {
    }

    Targets targets(Program program, String url, Locale locale) {
        String post = text("tracking.share.post", locale, program.name());
        String subject = text("tracking.share.mail.subject", locale, program.name());
        String body = text("tracking.share.mail.body", locale, program.name(), url);
        return new Targets("https://www.linkedin.com/sharing/share-offsite/?url=" + enc(url),
                "https://x.com/intent/post?text=" + enc(post) + "&url=" + enc(url),
                "https://www.facebook.com/sharer/sharer.php?u=" + enc(url),
                "mailto:?subject=" + enc(subject) + "&body=" + enc(body));
    }

    /** Two or three texts to paste into a post or a message; the one quoting the description only when there is one. */
    List<String> texts(Program program, String url, Locale locale) {
        List<String> texts = new ArrayList<>();
        texts.add(text("tracking.share.text.short", locale, program.name(), url));
        String description = program.description() == null ? "" : program.description().trim();
        if (!description.isEmpty()) {
            texts.add(text("tracking.share.text.described", locale, program.name(), description, url));
        }
        texts.add(text("tracking.share.text.personal", locale, program.name(), url));
        return texts;
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }

    // mail clients read + literally; %20 is a space everywhere
    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
