package dev.tandem.commission.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.tandem.commission.Commissions;
import dev.tandem.commission.CustomerReward;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.PartnerId;
import dev.tandem.workspace.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Double-sided programs: what referred customers were promised, newest first, for the business
 * to give and then mark as honoured.
 */
@Controller
class CustomerRewardsController {

    private static final String PREFIX = "crw";

    private final Commissions commissions;
    private final CommissionPages pages;

    CustomerRewardsController(Commissions commissions, CommissionPages pages) {
        this.commissions = commissions;
        this.pages = pages;
    }

    record Row(String id, CustomerReward reward, String partnerName, String programName) {
    }

    @GetMapping("/admin/commissions/customer-rewards")
    String list(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String all,
            @RequestParam(name = "starting_after", required = false) String startingAfter, Model model) {
        boolean open = all == null;
        Page<CustomerReward> page = commissions.customerRewards(me.workspaceId(), open,
                PageRequest.of(50, startingAfter, PREFIX));
        Map<PartnerId, String> partners = new HashMap<>();
        Map<dev.tandem.program.ProgramId, String> programs = new HashMap<>();
        model.addAttribute("rows", page.data().stream().map(r -> new Row(dev.tandem.core.Ids.format(PREFIX, r.id()), r,
                partners.computeIfAbsent(r.partnerId(), id -> pages.partnerName(me.workspaceId(), id)),
                programs.computeIfAbsent(r.programId(), id -> pages.programName(me.workspaceId(), id)))).toList());
        model.addAttribute("open", open);
        model.addAttribute("olderCursor", page.hasMore()
                ? dev.tandem.core.Ids.format(PREFIX, page.data().get(page.data().size() - 1).id()) : null);
        return "commission/admin/customer-rewards";
    }

    @PostMapping("/admin/commissions/customer-rewards/{id}/honour")
    String honour(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, RedirectAttributes redirect) {
        UUID reward = dev.tandem.core.Ids.parse(PREFIX, id);
        commissions.honour(me.workspaceId(), me.asActor(), reward);
        redirect.addFlashAttribute("honoured", true);
        return "redirect:/admin/commissions/customer-rewards";
    }
}
