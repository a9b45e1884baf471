package dev.tandem.commission.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the commission pages share: the reader's formats. */
@ControllerAdvice(assignableTypes = {CommissionAdminController.class, LedgerCheckController.class, CustomerRewardsController.class,
        EarningsPortalController.class})
class CommissionPageAdvice {

    private final MessageSource messages;

    CommissionPageAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("fmt")
    CommissionPageFormat format(Locale locale) {
        return new CommissionPageFormat(messages, locale);
    }
}
