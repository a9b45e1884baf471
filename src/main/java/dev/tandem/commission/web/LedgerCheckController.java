package dev.tandem.commission.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.commission.Commissions;
import dev.tandem.partner.PartnerId;
import dev.tandem.workspace.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The ledger check: per partner and currency, what the ledger holds as pending, approved and paid
 * beside what the commissions add up to, and whether the two agree.
 */
@Controller
class LedgerCheckController {

    private final Commissions commissions;
    private final CommissionPages pages;

    LedgerCheckController(Commissions commissions, CommissionPages pages) {
        this.commissions = commissions;
        this.pages = pages;
    }

    record Line(Commissions.Reconciliation check, String partnerName) {
    }

    @GetMapping("/admin/commissions/ledger")
    String check(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        List<Commissions.Reconciliation> checks = commissions.reconcile(me.workspaceId());
        Map<PartnerId, String> names = new HashMap<>();
        List<Line> lines = checks.stream().map(c -> new Line(c,
                names.computeIfAbsent(c.partner(), id -> pages.partnerName(me.workspaceId(), id)))).toList();
        model.addAttribute("lines", lines);
        model.addAttribute("agrees", checks.stream().allMatch(Commissions.Reconciliation::agrees));
        model.addAttribute("disagreeing", checks.stream().filter(c -> !c.agrees()).count());
        return "commission/admin/ledger";
    }
}
