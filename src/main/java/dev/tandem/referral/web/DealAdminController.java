package dev.tandem.referral.web;

import java.util.List;

import dev.tandem.core.ConflictException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.ListRequest;
import dev.tandem.referral.DealId;
import dev.tandem.referral.DealRegistration;
import dev.tandem.referral.Deals;
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
 * The deal registration queue: waiting registrations first (oldest first), each with what it
 * overlaps with, to accept or reject with a reason the partner reads; then the decided ones.
 */
@Controller
@RequestMapping("/admin/deals")
class DealAdminController {

    static final int WAITING_LIMIT = 200;

    private final Deals deals;

    DealAdminController(Deals deals) {
        this.deals = deals;
    }

    @GetMapping
    String queue(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "dir", required = false) String dir,
            @RequestParam(name = "page", required = false) String pageNumber, Model model) {
        return page(me, Deals.DECIDED_SORTS.read(sort, dir, pageNumber), model);
    }

    @PostMapping("/{id}/accept")
    String accept(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
            @RequestParam(name = "reason", required = false) String reason, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        return decide(me, DealId.parse(id), true, reason, model, response, flash);
    }

    @PostMapping("/{id}/reject")
    String reject(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
            @RequestParam(name = "reason", required = false) String reason, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        return decide(me, DealId.parse(id), false, reason, model, response, flash);
    }

    private String decide(StaffPrincipal me, DealId id, boolean accept, String reason, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        try {
            Deals.Row row = accept ? deals.accept(me.workspaceId(), me.asActor(), id, reason)
                    : deals.reject(me.workspaceId(), me.asActor(), id, reason);
            flash.addFlashAttribute("notice", accept ? "deal.admin.accepted" : "deal.admin.rejected");
            flash.addFlashAttribute("noticeArgs", List.of(row.deal().company(), row.partnerName()));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("deciding", id.toString());
            model.addAttribute("decidingAccept", accept);
            model.addAttribute("decisionReason", reason == null ? "" : reason);
            model.addAttribute("decisionError", e.problems().get(0).code());
            model.addAttribute("listAt", "/admin/deals");
            return page(me, Deals.DECIDED_SORTS.first(), model);
        } catch (ConflictException e) {
            DealRegistration decided = deals.get(me.workspaceId(), id).deal();
            flash.addFlashAttribute("problem", "deal.admin.alreadyDecided");
            flash.addFlashAttribute("problemArgs", List.of(decided.company(), decided.status().code()));
        }
        return "redirect:/admin/deals";
    }

    private String page(StaffPrincipal me, ListRequest decided, Model model) {
        Deals.Queue queue = deals.queue(me.workspaceId(), WAITING_LIMIT, decided);
        model.addAttribute("waiting", queue.waiting());
        model.addAttribute("decided", queue.decided().rows());
        model.addAttribute("page", queue.decided());
        return "referral/deals/admin-deals";
    }
}
