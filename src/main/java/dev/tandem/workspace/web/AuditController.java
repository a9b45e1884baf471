package dev.tandem.workspace.web;

import dev.tandem.core.PageRequest;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, newest first, 50 to a page. */
@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String audit(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(name = "before", required = false) String before, Model model) {
        var page = audit.list(me.workspaceId(), PageRequest.of(50, before, "aud"));
        model.addAttribute("entries", page.data());
        if (page.hasMore()) {
            model.addAttribute("olderCursor", AuditLog.publicId(page.data().get(page.data().size() - 1).id()));
        }
        return "workspace/audit";
    }
}
