package dev.tandem.partner.web;

import java.util.List;

import dev.tandem.core.ConflictException;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.Acceptance;
import dev.tandem.partner.AcceptanceId;
import dev.tandem.partner.AcceptanceStatus;
import dev.tandem.partner.AgreementAcceptances;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentId;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalPage;
import dev.tandem.program.AgreementVersion;
import dev.tandem.program.AgreementVersionId;
import dev.tandem.program.Agreements;
import dev.tandem.program.Programs;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agreements in the portal: where each program stands, the version in force with its accept
 * button, the history of acceptances, and a printable receipt for each.
 */
@Controller
@PortalPage
class PortalAgreementsController {

    private final AgreementAcceptances acceptances;
    private final Agreements agreements;
    private final Programs programs;

    PortalAgreementsController(AgreementAcceptances acceptances, Agreements agreements, Programs programs) {
        this.acceptances = acceptances;
        this.agreements = agreements;
        this.programs = programs;
    }

    /** An acceptance with the version it accepted (for its number and title). */
    record AcceptanceRow(Acceptance acceptance, AgreementVersion version) {
    }

    @GetMapping("/portal/agreements")
    String list(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        model.addAttribute("statuses", acceptances.statuses(me.workspaceId(), me.partnerId()));
        return "partner/portal/agreements";
    }

    @GetMapping("/portal/enrollments/{enrollmentId}/agreement")
    String agreement(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable String enrollmentId, Model model) {
        Enrollment enrollment = approved(me, EnrollmentId.parse(enrollmentId));
        AcceptanceStatus status = acceptances.status(me.workspaceId(), enrollment);
        model.addAttribute("status", status);
        model.addAttribute("history", rows(me, acceptances.history(me, enrollment.id())));
        return "partner/portal/agreement";
    }

    @PostMapping("/portal/enrollments/{enrollmentId}/agreement")
    String accept(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable String enrollmentId,
            @RequestParam String versionId, HttpServletRequest request, RedirectAttributes flash) {
        EnrollmentId id = EnrollmentId.parse(enrollmentId);
        approved(me, id);
        try {
            Acceptance accepted = acceptances.accept(me, id, AgreementVersionId.parse(versionId),
                    request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
            flash.addFlashAttribute("notice", "portal.agreement.accepted");
            flash.addFlashAttribute("acceptanceId", accepted.id().toString());
        } catch (ConflictException changed) {
            flash.addFlashAttribute("problem", "portal.agreement.error.changed");
        }
        return "redirect:/portal/enrollments/" + id + "/agreement";
    }

    @GetMapping("/portal/agreements/{acceptanceId}")
    String receipt(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable String acceptanceId, Model model) {
        Acceptance acceptance = acceptances.get(me, AcceptanceId.parse(acceptanceId));
        AgreementVersion version = agreements.get(me.workspaceId(), acceptance.agreementVersionId());
        model.addAttribute("acceptance", acceptance);
        model.addAttribute("version", version);
        model.addAttribute("programName", programs.get(me.workspaceId(), version.programId()).name());
        return "partner/portal/receipt";
    }

    private Enrollment approved(PartnerPrincipal me, EnrollmentId id) {
        Enrollment enrollment = acceptances.ownEnrollment(me, id);
        if (enrollment.status() != EnrollmentStatus.APPROVED) {
            throw new NotFoundException("no approved enrollment " + id);
        }
        return enrollment;
    }

    private List<AcceptanceRow> rows(PartnerPrincipal me, List<Acceptance> history) {
        return history.stream()
                .map(a -> new AcceptanceRow(a, agreements.get(me.workspaceId(), a.agreementVersionId()))).toList();
    }
}
