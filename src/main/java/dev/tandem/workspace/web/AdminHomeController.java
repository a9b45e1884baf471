package dev.tandem.workspace.web;

import dev.tandem.workspace.ApiKeys;
import dev.tandem.workspace.StaffAccounts;
import dev.tandem.workspace.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin console's first page: where the workspace stands and what to do next. */
@Controller
class AdminHomeController {

    private final StaffAccounts accounts;
    private final ApiKeys apiKeys;

    AdminHomeController(StaffAccounts accounts, ApiKeys apiKeys) {
        this.accounts = accounts;
        this.apiKeys = apiKeys;
    }

    @GetMapping("/admin")
    String home(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("teamSize", accounts.team(me.workspaceId()).stream().filter(StaffAccounts.Member::active).count());
        model.addAttribute("activeKeys", apiKeys.list(me.workspaceId()).stream().filter(ApiKeys.Listed::active).count());
        return "workspace/home";
    }
}
