package dev.tandem.partner.web;

import java.util.List;

import dev.tandem.core.ConflictException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.notification.Emails;
import dev.tandem.partner.ApplicationId;
import dev.tandem.partner.Applications;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.TierId;
import dev.tandem.workspace.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A program's review queue: pending applications, best fit first, each with the reasons for its
 * score and what the applicant said; approve into a tier, or reject with a reason the applicant reads.
 */
@Controller
@RequestMapping("/admin/programs/{programId}/applications")
class ApplicationReviewController {

    static final int PAGE_SIZE = 50;

    private final Applications applications;
    private final Partners partners;
    private final Programs programs;
    private final Emails emails;

    ApplicationReviewController(Applications applications, Partners partners, Programs programs, Emails emails) {
        this.emails = emails;
        this.applications = applications;
        this.partners = partners;
        this.programs = programs;
    }

    @GetMapping
    String queue(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @RequestParam(name = "after", required = false) String after, Model model) {
        return page(me, ProgramId.parse(programId), after, model);
    }

    @PostMapping("/{applicationId}/approve")
    String approve(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @PathVariable String applicationId, @RequestParam(name = "tierId", required = false) String tierId,
            RedirectAttributes flash) {
        Applications.Reviewed reviewed = reviewed(me, programId, applicationId);
        TierId tier = tierId == null || tierId.isBlank() ? null : TierId.parse(tierId);
        try {
            applications.approve(me.workspaceId(), me.asActor(), reviewed.enrollment().id(), tier, null);
            // without a mail server the email waits in the Outbox: say so, or the link seems lost
            flash.addFlashAttribute("notice", emails.smtpConfigured() ? "review.approved" : "review.approved.outbox");
            flash.addFlashAttribute("noticeName", reviewed.partner().name());
        } catch (ConflictException e) {
            conflict(me, reviewed, flash);
        }
        return "redirect:/admin/programs/" + reviewed.application().programId() + "/applications";
    }

    @PostMapping("/{applicationId}/reject")
    String reject(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @PathVariable String applicationId, @RequestParam(name = "reason", required = false) String reason,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        Applications.Reviewed reviewed = reviewed(me, programId, applicationId);
        try {
            applications.reject(me.workspaceId(), me.asActor(), reviewed.enrollment().id(), reason);
            flash.addFlashAttribute("notice", "review.rejected");
            flash.addFlashAttribute("noticeName", reviewed.partner().name());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("rejecting", reviewed.application().id().toString());
            model.addAttribute("rejectReason", reason == null ? "" : reason);
            model.addAttribute("rejectError", e.problems().get(0).code());
            return page(me, reviewed.application().programId(), null, model);
        } catch (ConflictException e) {
            conflict(me, reviewed, flash);
        }
        return "redirect:/admin/programs/" + reviewed.application().programId() + "/applications";
    }

    private void conflict(StaffPrincipal me, Applications.Reviewed reviewed, RedirectAttributes flash) {
        flash.addFlashAttribute("problem", "review.error.decided");
        flash.addFlashAttribute("problemArgs", List.of(reviewed.partner().name(),
                partners.enrollment(me.workspaceId(), reviewed.enrollment().id()).status().code()));
    }

    // the application must belong to this program of this workspace: anything else is not found
    private Applications.Reviewed reviewed(StaffPrincipal me, String programId, String applicationId) {
        Applications.Reviewed reviewed = applications.get(me.workspaceId(), ApplicationId.parse(applicationId));
        if (!reviewed.application().programId().equals(ProgramId.parse(programId))) {
            throw new NotFoundException("no application " + applicationId + " in program " + programId);
        }
        return reviewed;
    }

    private String page(StaffPrincipal me, ProgramId programId, String after, Model model) {
        Program program = programs.get(me.workspaceId(), programId);
        Page<Applications.Reviewed> page = applications.queue(me.workspaceId(), programId,
                PageRequest.of(PAGE_SIZE, after, ApplicationId.PREFIX));
        model.addAttribute("program", program);
        model.addAttribute("queue", page.data());
        model.addAttribute("tiers", programs.tiers(me.workspaceId(), programId));
        if (page.hasMore()) {
            model.addAttribute("nextCursor", page.data().get(page.data().size() - 1).application().id().toString());
        }
        return "partner/admin/applications";
    }
}
