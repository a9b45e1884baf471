package dev.tandem.referral.web;

import java.util.List;
import java.util.Map;

import dev.tandem.core.ConflictException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.ListPage;
import dev.tandem.core.ListRequest;
import dev.tandem.referral.ClaimId;
import dev.tandem.referral.Claims;
import dev.tandem.referral.ReferralClaim;
import dev.tandem.referral.Referrals;
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
 * The missing-referral claims queue: waiting claims first (oldest first), each with the partner's
 * evidence and who has the customer now, to accept (the customer is credited to the claiming
 * partner) or decline with a reason the partner reads; then the decided ones.
 */
@Controller
@RequestMapping("/admin/claims")
class ClaimAdminController {

    static final int WAITING_LIMIT = 200;

    private final Claims claims;
    private final Referrals referrals;

    ClaimAdminController(Claims claims, Referrals referrals) {
        this.claims = claims;
        this.referrals = referrals;
    }

    /** A waiting claim with the partner who has the customer's referral now, if anyone does. */
    record Line(Claims.Row row, Referrals.Row current) {
    }

    @GetMapping
    String queue(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "dir", required = false) String dir,
            @RequestParam(name = "page", required = false) String pageNumber, Model model) {
        return page(me, Claims.DECIDED_SORTS.read(sort, dir, pageNumber), model);
    }

    @PostMapping("/{id}/accept")
    String accept(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
            @RequestParam(name = "reason", required = false) String reason, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        return decide(me, ClaimId.parse(id), true, reason, model, response, flash);
    }

    @PostMapping("/{id}/decline")
    String decline(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
            @RequestParam(name = "reason", required = false) String reason, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        return decide(me, ClaimId.parse(id), false, reason, model, response, flash);
    }

    private String decide(StaffPrincipal me, ClaimId id, boolean accept, String reason, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        try {
            Claims.Row row = accept ? claims.accept(me.workspaceId(), me.asActor(), id, reason)
                    : claims.decline(me.workspaceId(), me.asActor(), id, reason);
            flash.addFlashAttribute("notice", accept ? "deal.admin.claimAccepted" : "deal.admin.claimDeclined");
            flash.addFlashAttribute("noticeArgs", List.of(row.claim().customerEmail(), row.partnerName()));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("deciding", id.toString());
            model.addAttribute("decidingAccept", accept);
            model.addAttribute("decisionReason", reason == null ? "" : reason);
            model.addAttribute("decisionError", e.problems().get(0).code());
            model.addAttribute("listAt", "/admin/claims");
            return page(me, Claims.DECIDED_SORTS.first(), model);
        } catch (ConflictException e) {
            ReferralClaim decided = claims.get(me.workspaceId(), id).claim();
            flash.addFlashAttribute("problem", "deal.admin.claimAlreadyDecided");
            flash.addFlashAttribute("problemArgs", List.of(decided.customerEmail(), decided.status().code()));
        }
        return "redirect:/admin/claims";
    }

    private String page(StaffPrincipal me, ListRequest list, Model model) {
        ListPage<Claims.Row> decided = claims.decided(me.workspaceId(), list);
        List<Claims.Row> waiting = claims.waiting(me.workspaceId(), WAITING_LIMIT);
        Map<Referrals.CustomerKey, Referrals.Row> current = referrals.existingReferrals(me.workspaceId(),
                waiting.stream().map(ClaimAdminController::customer).toList());
        model.addAttribute("waiting", waiting.stream().map(row -> new Line(row, current.get(customer(row)))).toList());
        model.addAttribute("decided", decided.rows());
        model.addAttribute("page", decided);
        return "referral/deals/admin-claims";
    }

    private static Referrals.CustomerKey customer(Claims.Row row) {
        return new Referrals.CustomerKey(row.claim().programId(), row.claim().customerEmail());
    }
}
