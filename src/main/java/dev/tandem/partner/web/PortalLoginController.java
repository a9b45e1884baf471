package dev.tandem.partner.web;

import java.time.Duration;
import java.util.Optional;

import dev.tandem.notification.Emails;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalLinks;
import dev.tandem.partner.PortalSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Signing in to the partner portal. An email alone (or with a wrong password) sends a sign-in link
 * to every partner account with that email and always answers the same "check your inbox" page.
 * A link's page only offers a button: mail scanners open links, and only a person's click (a POST)
 * uses the link up.
 */
@Controller
class PortalLoginController {

    private final PortalSignIn signIn;
    private final PortalLinks links;
    private final PortalSessions sessions;
    private final PortalSignInLimiter limiter;
    private final Emails emails;

    PortalLoginController(PortalSignIn signIn, PortalLinks links, PortalSessions sessions, PortalSignInLimiter limiter,
            Emails emails) {
        this.emails = emails;
        this.signIn = signIn;
        this.links = links;
        this.sessions = sessions;
        this.limiter = limiter;
    }

    record LoginForm(
            @NotBlank(message = "{validation.required}") @Email(message = "{validation.email}")
            @Size(max = 254, message = "{validation.tooLong}") String email,
            String password) {
    }

    @GetMapping("/portal/login")
    String login(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        if (me != null) {
            return "redirect:/portal";
        }
        model.addAttribute("form", new LoginForm("", ""));
        return "partner/portal/login";
    }

    @PostMapping("/portal/login")
    String request(@Valid @ModelAttribute("form") LoginForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        Optional<Duration> wait = limiter.attempt(request.getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            model.addAttribute("minutes", (seconds + 59) / 60);
            return "partner/portal/too-many";
        }
        if (errors.hasErrors()) {
            return "partner/portal/login";
        }
        Optional<PartnerPrincipal> partner = signIn.withPassword(form.email(), form.password());
        if (partner.isPresent()) {
            sessions.signIn(partner.get(), request, response);
            return "redirect:/portal";
        }
        signIn.requestLinks(form.email());
        model.addAttribute("email", form.email().trim());
        model.addAttribute("minutes", PortalLinks.SIGN_IN_VALIDITY.toMinutes());
        // a laptop install sends no mail: say where the link is instead of promising an email that never comes
        model.addAttribute("noMailServer", !emails.smtpConfigured());
        return "partner/portal/check-inbox";
    }

    @GetMapping("/portal/login/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!links.usable(token)) {
            return invalid(model, response);
        }
        model.addAttribute("token", token);
        return "partner/portal/confirm";
    }

    @PostMapping("/portal/login/{token}")
    String redeem(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes flash) {
        Optional<PartnerPrincipal> partner = signIn.redeem(token);
        if (partner.isEmpty()) {
            return invalid(model, response);
        }
        sessions.signIn(partner.get(), request, response);
        return "redirect:/portal";
    }

    private static String invalid(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("form", new LoginForm("", ""));
        model.addAttribute("minutes", PortalLinks.SIGN_IN_VALIDITY.toMinutes());
        return "partner/portal/link-invalid";
    }
}
