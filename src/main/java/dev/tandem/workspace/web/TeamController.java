package dev.tandem.workspace.web;

import java.util.List;

import dev.tandem.workspace.Role;
import dev.tandem.workspace.RuleViolation;
import dev.tandem.workspace.StaffAccounts;
import dev.tandem.workspace.StaffPrincipal;
import dev.tandem.workspace.StaffUserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The team: who works in this workspace, with which role; owners and admins add and change people. */
@Controller
@RequestMapping("/admin/team")
class TeamController {

    private final StaffAccounts accounts;

    TeamController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    record MemberForm(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String name,
            @NotBlank(message = "{validation.required}") @Email(message = "{validation.email}") String email,
            @NotNull(message = "{validation.required}") Role role,
            @NotBlank(message = "{validation.required}") String password) {
    }

    @GetMapping
    String team(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("form", new MemberForm("", "", Role.MANAGER, ""));
        return page(me, model);
    }

    @PostMapping
    String add(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute("form") MemberForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                accounts.add(me, form.name(), form.email(), form.role(), form.password());
                flash.addFlashAttribute("notice", "team.added");
                return "redirect:/admin/team";
            } catch (RuleViolation violation) {
                errors.rejectValue(violation.field(), violation.code(), violation.getMessage());
            }
        }
        return page(me, model);
    }

    @PostMapping("/{id}/role")
    String changeRole(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, @RequestParam Role role,
            RedirectAttributes flash) {
        return act(flash, "team.roleChanged", () -> accounts.changeRole(me, StaffUserId.parse(id), role));
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, RedirectAttributes flash) {
        return act(flash, "team.deactivated", () -> accounts.setActive(me, StaffUserId.parse(id), false));
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, RedirectAttributes flash) {
        return act(flash, "team.reactivated", () -> accounts.setActive(me, StaffUserId.parse(id), true));
    }

    private static String act(RedirectAttributes flash, String notice, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", notice);
        } catch (RuleViolation violation) {
            flash.addFlashAttribute("problem", violation.code());
        }
        return "redirect:/admin/team";
    }

    private String page(StaffPrincipal me, Model model) {
        model.addAttribute("members", accounts.team(me.workspaceId()));
        model.addAttribute("roles", me.role() == Role.OWNER ? List.of(Role.values())
                : List.of(Role.ADMIN, Role.MANAGER, Role.VIEWER));
        return "workspace/team";
    }
}
