package dev.tandem.notification.web;

import dev.tandem.core.ListPage;
import dev.tandem.notification.Email;
import dev.tandem.notification.EmailId;
import dev.tandem.notification.Emails;
import dev.tandem.workspace.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The outbox: this workspace's emails, newest first, 50 to a page, and each one as the partner gets it. */
@Controller
@RequestMapping("/admin/outbox")
class OutboxController {

    /**
     * The application's policy with inline styles allowed: the email is shown in a sandboxed
     * {@code srcdoc} frame, which inherits this page's policy, and emails must carry their styles
     * inline for mail clients. Scripts stay forbidden (and the sandbox forbids them again).
     */
    private static final String PREVIEW_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none';"
            + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private final Emails emails;

    OutboxController(Emails emails) {
        this.emails = emails;
    }

    @GetMapping
    String outbox(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "dir", required = false) String dir,
            @RequestParam(name = "page", required = false) String pageNumber, Model model) {
        ListPage<Email> page = emails.sorted(me.workspaceId(), Emails.SORTS.read(sort, dir, pageNumber));
        model.addAttribute("emails", page.rows());
        model.addAttribute("page", page);
        model.addAttribute("smtpConfigured", emails.smtpConfigured());
        return "notification/outbox";
    }

    @GetMapping("/{id}")
    String email(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, Model model,
            HttpServletResponse response) {
        model.addAttribute("email", emails.get(me.workspaceId(), EmailId.parse(id)));
        // Spring Security writes its policy only when the response has none yet
        response.setHeader("Content-Security-Policy", PREVIEW_CSP);
        return "notification/outbox-email";
    }
}
