package dev.tandem.referral.web;

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
 * What the portal layout needs on the deals page, as the partner module's own portal pages get it:
 * the partner, the business's name, the agreements waiting for acceptance. A partner whose
 * enrollments all ended is sent to the portal's home page, the only one they still see.
 */
@ControllerAdvice(assignableTypes = DealPortalController.class)
@Order(0)
class DealPortalAdvice {

    private static final Set<EnrollmentStatus> ENDED = EnumSet.of(EnrollmentStatus.REJECTED, EnrollmentStatus.BANNED,
            EnrollmentStatus.ARCHIVED);

    private final AgreementAcceptances acceptances;
    private final Workspaces workspaces;
    private final Partners partners;

    DealPortalAdvice(AgreementAcceptances acceptances, Workspaces workspaces, Partners partners) {
        this.acceptances = acceptances;
        this.workspaces = workspaces;
        this.partners = partners;
    }

    /** Thrown for a partner without an open enrollment. */
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
