package dev.tandem.notification.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    // addresses in an email's plain text: up to the first blank, quote or angle bracket
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

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
        Email email = emails.get(me.workspaceId(), EmailId.parse(id));
        model.addAttribute("email", email);
        model.addAttribute("links", links(email.bodyText()));
        // Spring Security writes its policy only when the response has none yet
        response.setHeader("Content-Security-Policy", PREVIEW_CSP);
        return "notification/outbox-email";
    }

    /**
     * The addresses an email holds, to open from here: the preview's sandbox lets no link be followed,
     * and without a mail server this page is the only place a partner's sign-in link can be read.
     */
    static List<String> links(String text) {
        if (text == null) {
            return List.of();
        }
        Matcher m = LINK.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            String link = m.group().replaceAll("[.,;:)]+$", "");
            if (!found.contains(link)) {
                found.add(link);
            }
        }
        return List.copyOf(found);
    }
}
