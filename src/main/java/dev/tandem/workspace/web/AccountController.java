package dev.tandem.workspace.web;

import dev.tandem.core.Language;
import dev.tandem.workspace.RuleViolation;
import dev.tandem.workspace.StaffAccounts;
import dev.tandem.workspace.StaffPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A staff member's own settings: the language Tandem speaks to them, and their password. */
@Controller
@RequestMapping("/admin/account")
class AccountController {

    private final StaffAccounts accounts;

    AccountController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    record PasswordForm(@NotBlank(message = "{validation.required}") String currentPassword,
            @NotBlank(message = "{validation.required}") String password) {
    }

    @GetMapping
    String account(Model model) {
        model.addAttribute("form", new PasswordForm("", ""));
        return "workspace/account";
    }

    @PostMapping("/language")
    String language(@AuthenticationPrincipal StaffPrincipal me, @RequestParam String language,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        StaffPrincipal updated = accounts.changeLanguage(me, Language.fromTag(language).orElse(null));
        // the session keeps the signed-in principal, so it must learn the new language too
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, current.getAuthorities()));
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        flash.addFlashAttribute("notice", "account.languageSaved");
        return "redirect:/admin/account";
    }

    @PostMapping("/password")
    String password(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult errors, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                accounts.changePassword(me, form.currentPassword(), form.password());
                flash.addFlashAttribute("notice", "account.passwordChanged");
                return "redirect:/admin/account";
            } catch (RuleViolation violation) {
                errors.rejectValue(violation.field(), violation.code(), violation.getMessage());
            }
        }
        return "workspace/account";
    }
}
