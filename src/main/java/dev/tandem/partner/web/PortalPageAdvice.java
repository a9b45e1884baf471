package dev.tandem.partner.web;

import java.util.List;

import dev.tandem.core.InvalidIdException;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.AcceptanceStatus;
import dev.tandem.partner.AgreementAcceptances;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalPage;
import dev.tandem.workspace.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every portal page's layout shows: the partner, the business's name, and the agreements
 * waiting for acceptance (a banner on every page until accepted). A partner whose enrollments all
 * ended sees only the home page. Unknown ids, and other partners' ids, answer the portal's 404.
 * Every controller marked {@link PortalPage}, in any module, gets it.
 */
@ControllerAdvice(annotations = PortalPage.class)
@Order(0)
class PortalPageAdvice {

    private final AgreementAcceptances acceptances;
    private final Workspaces workspaces;
    private final PortalStanding standing;

    PortalPageAdvice(AgreementAcceptances acceptances, Workspaces workspaces, PortalStanding standing) {
        this.acceptances = acceptances;
        this.workspaces = workspaces;
        this.standing = standing;
    }

    /** Thrown for pages a partner without an open enrollment does not get. */
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
    boolean closed(@AuthenticationPrincipal PartnerPrincipal me, HttpServletRequest request) {
        boolean closed = standing.closed(me);
        if (closed && !"/portal".equals(request.getRequestURI())) {
            throw new ClosedException();
        }
        return closed;
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
