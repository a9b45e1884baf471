package dev.tandem.partner.web;

import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Language;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalPage;
import dev.tandem.partner.PortalProfiles;
import dev.tandem.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner's profile: name, phone, company, website, the language the portal and emails use, and a password. */
@Controller
@PortalPage
class PortalProfileController {

    private final PortalProfiles profiles;
    private final PortalSessions sessions;

    PortalProfileController(PortalProfiles profiles, PortalSessions sessions) {
        this.profiles = profiles;
        this.sessions = sessions;
    }

    record ProfileForm(String name, String phone, String company, String website, String language) {
        static ProfileForm of(Partner p) {
            return new ProfileForm(p.name(), p.phone(), p.company(), p.website(), p.language().tag());
        }
    }

    record PasswordForm(String password) {
    }

    @GetMapping("/portal/profile")
    String profile(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        model.addAttribute("form", ProfileForm.of(profiles.get(me)));
        model.addAttribute("passwordForm", new PasswordForm(""));
        return page(me, model);
    }

    @PostMapping("/portal/profile")
    String save(@AuthenticationPrincipal PartnerPrincipal me, @ModelAttribute("form") ProfileForm form,
            BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            PartnerPrincipal updated = profiles.update(me, new PortalProfiles.ProfileChange(form.name(), form.phone(),
                    form.company(), form.website(), Language.fromTag(form.language()).orElse(null)));
            sessions.refresh(updated, request, response);
            flash.addFlashAttribute("notice", "portal.profile.saved");
            return "redirect:/portal/profile";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            model.addAttribute("passwordForm", new PasswordForm(""));
            return page(me, model);
        }
    }

    @PostMapping("/portal/profile/password")
    String password(@AuthenticationPrincipal PartnerPrincipal me, @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult errors, Model model, RedirectAttributes flash, HttpServletRequest request) {
        try {
            profiles.setPassword(me, form.password());
            // a new session id: a session stolen before the password was set does not carry over
            request.changeSessionId();
            flash.addFlashAttribute("notice", "portal.profile.passwordSaved");
            return "redirect:/portal/profile";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            model.addAttribute("form", ProfileForm.of(profiles.get(me)));
            return page(me, model);
        }
    }

    private String page(PartnerPrincipal me, Model model) {
        model.addAttribute("hasPassword", profiles.hasPassword(me));
        return "partner/portal/profile";
    }
}
