package dev.tandem.payout.web;

import java.util.Locale;
import java.util.stream.Collectors;

import dev.tandem.core.InvalidInputException;
import dev.tandem.core.ReaderFormat;
import dev.tandem.payout.PayoutConflict;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the payout pages share: the reader's formats, refusals in the reader's words, downloads. */
@Component
@ControllerAdvice(assignableTypes = {PayoutAdminController.class, PayoutSettingsController.class,
        PortalPayoutsController.class})
class PayoutPages {

    private final MessageSource messages;

    PayoutPages(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("fmt")
    ReaderFormat format(Locale locale) {
        return new ReaderFormat(messages, locale);
    }

    /** Why an action was refused, in the reader's language: each field and its reason, or the conflict. */
    String refusal(RuntimeException e, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream().map(p -> messages.getMessage("payout.field." + p.field(), null, p.field(),
                    locale) + " " + (p.code() == null ? p.message() : messages.getMessage(p.code(), null, p.message(),
                    locale))).collect(Collectors.joining("; "));
        }
        if (e instanceof PayoutConflict conflict) {
            return messages.getMessage(conflict.code(), conflict.args(), conflict.getMessage(), locale);
        }
        return e.getMessage();
    }

    String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .body(body);
    }
}
