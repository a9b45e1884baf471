package dev.tandem.workspace.web;

import dev.tandem.core.Language;
import dev.tandem.workspace.StaffPrincipal;
import dev.tandem.workspace.Workspace;
import dev.tandem.workspace.Workspaces;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workspace's name and the language used when a visitor's browser asks for none of ours. */
@Controller
@RequestMapping("/admin/settings")
class SettingsController {

    private final Workspaces workspaces;

    SettingsController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    record SettingsForm(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String name,
            @NotNull(message = "{validation.required}") Language defaultLanguage) {
    }

    @GetMapping
    String settings(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        Workspace workspace = workspaces.get(me.workspaceId());
        model.addAttribute("form", new SettingsForm(workspace.name(), workspace.defaultLanguage()));
        return "workspace/settings";
    }

    @PostMapping
    String save(@AuthenticationPrincipal StaffPrincipal me, @Valid @ModelAttribute("form") SettingsForm form,
            BindingResult errors, RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return "workspace/settings";
        }
        workspaces.update(me, form.name(), form.defaultLanguage());
        flash.addFlashAttribute("notice", "settings.saved");
        return "redirect:/admin/settings";
    }
}
