package dev.tandem.referral.web;

import java.util.Locale;

import dev.tandem.workspace.StaffPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the referral, deal and claim pages share: the reader's formats, and on staff pages whether
 * forms are shown (not to viewers). The portal pages' layout model comes from the partner module
 * ({@code @PortalPage}).
 */
@ControllerAdvice(assignableTypes = {ReferralAdminController.class, UnattributedController.class,
        ReferralPortalController.class, DealAdminController.class, ClaimAdminController.class,
        DealPortalController.class})
class ReferralPageAdvice {

    private final MessageSource messages;

    ReferralPageAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("canEdit")
    boolean canEdit(@AuthenticationPrincipal StaffPrincipal me) {
        return me != null && me.canEdit();
    }

    @ModelAttribute("fmt")
    ReferralPageFormat format(Locale locale) {
        return new ReferralPageFormat(messages, locale);
    }
}
