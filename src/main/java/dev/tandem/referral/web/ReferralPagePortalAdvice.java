package dev.tandem.referral.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.tandem.core.InvalidIdException;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.AcceptanceStatus;
import dev.tandem.partner.AgreementAcceptances;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalSignIn;
import dev.tandem.workspace.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What the portal's layout needs on the referral pages (the partner, the business's name, the
 * agreements waiting for acceptance), as the partner module gives it to its own portal pages. A
 * partner whose enrollments all ended goes back to the portal's home; unknown ids and other
 * partners' referrals answer the portal's 404.
 */
@ControllerAdvice(assignableTypes = ReferralPortalController.class)
@Order(0)
class ReferralPagePortalAdvice {

    private static final Set<EnrollmentStatus> ENDED = EnumSet.of(EnrollmentStatus.REJECTED, EnrollmentStatus.BANNED,
            EnrollmentStatus.ARCHIVED);

    private final AgreementAcceptances acceptances;
    private final Workspaces workspaces;
    private final PortalSignIn signIn;
    private final MessageSource messages;

    ReferralPagePortalAdvice(AgreementAcceptances acceptances, Workspaces workspaces, PortalSignIn signIn,
            MessageSource messages) {
        this.acceptances = acceptances;
        this.workspaces = workspaces;
        this.signIn = signIn;
        this.messages = messages;
    }

    /** Thrown for a partner without an open enrollment: they see only the portal's home. */
    static class ClosedException extends RuntimeException {
        ClosedException() {
            super("the partner has no open enrollment");
        }
    }

    @ModelAttribute("partner")
    PartnerPrincipal partner(@AuthenticationPrincipal PartnerPrincipal me) {
        return me;
    }

    @ModelAttribute("brand")
    String brand(@AuthenticationPrincipal PartnerPrincipal me) {
        return workspaces.get(me.workspaceId()).name();
    }

    @ModelAttribute("closed")
    boolean closed(@AuthenticationPrincipal PartnerPrincipal me) {
        if (signIn.enrollments(me).stream().allMatch(e -> ENDED.contains(e.status()))) {
            throw new ClosedException();
        }
        return false;
    }

    @ModelAttribute("pendingAgreements")
    List<AcceptanceStatus> pendingAgreements(@AuthenticationPrincipal PartnerPrincipal me) {
        return acceptances.pending(me.workspaceId(), me.partnerId());
    }

    @ModelAttribute("fmt")
    ReferralPageFormat format(Locale locale) {
        return new ReferralPageFormat(messages, locale);
    }

    @ExceptionHandler(ClosedException.class)
    String closedPartner() {
        return "redirect:/portal";
    }

    @ExceptionHandler({NotFoundException.class, InvalidIdException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "partner/portal/not-found";
    }
}
