package dev.tandem.workspace.web;

import dev.tandem.core.ListPage;
import dev.tandem.workspace.AuditEntry;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, newest first unless sorted by who or what, 50 to a page. */
@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String audit(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "dir", required = false) String dir,
            @RequestParam(name = "page", required = false) String pageNumber, Model model) {
        ListPage<AuditEntry> page = audit.sorted(me.workspaceId(), AuditLog.SORTS.read(sort, dir, pageNumber));
        model.addAttribute("entries", page.rows());
        model.addAttribute("page", page);
        return "workspace/audit";
    }
}
