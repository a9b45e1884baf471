package dev.tandem.tracking.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.tandem.core.InvalidIdException;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.AcceptanceStatus;
import dev.tandem.partner.AgreementAcceptances;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.Partners;
import dev.tandem.workspace.Workspaces;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What the portal layout needs on the links page (the partner, the business's name, agreements
 * waiting for acceptance), as the partner module's portal pages have it. A partner whose every
 * enrollment ended is sent to the portal's home; unknown links and other partners' links answer the
 * portal's 404.
 */
@ControllerAdvice(assignableTypes = LinkPortalController.class)
@Order(0)
class LinkPortalAdvice {

    private static final Set<EnrollmentStatus> ENDED = EnumSet.of(EnrollmentStatus.REJECTED, EnrollmentStatus.BANNED,
            EnrollmentStatus.ARCHIVED);

    private final AgreementAcceptances acceptances;
    private final Workspaces workspaces;
    private final Partners partners;

    LinkPortalAdvice(AgreementAcceptances acceptances, Workspaces workspaces, Partners partners) {
        this.acceptances = acceptances;
        this.workspaces = workspaces;
        this.partners = partners;
    }

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
        if (partners.enrollmentsOf(me.workspaceId(), me.partnerId()).stream().allMatch(e -> ENDED.contains(e.status()))) {
            throw new ClosedException();
        }
        return false;
    }

    @ModelAttribute("pendingAgreements")
    List<AcceptanceStatus> pendingAgreements(@AuthenticationPrincipal PartnerPrincipal me) {
        return acceptances.pending(me.workspaceId(), me.partnerId());
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
