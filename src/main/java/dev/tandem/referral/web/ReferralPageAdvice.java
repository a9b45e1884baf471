package dev.tandem.referral.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the referral, deal and claim pages share: the reader's formats. Whether forms are shown comes
 * from the layout's model; the portal pages' from the partner module ({@code @PortalPage}).
 */
@ControllerAdvice(assignableTypes = {ReferralAdminController.class, UnattributedController.class,
        ReferralPortalController.class, DealAdminController.class, ClaimAdminController.class,
        DealPortalController.class})
class ReferralPageAdvice {

    private final MessageSource messages;

    ReferralPageAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("fmt")
    ReferralPageFormat format(Locale locale) {
        return new ReferralPageFormat(messages, locale);
    }
}
