package dev.tandem.workspace.web;

import dev.tandem.core.Language;
import dev.tandem.workspace.RuleViolation;
import dev.tandem.workspace.Workspaces;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.context.i18n.LocaleContextHolder;

/** First run: while no owner exists, anyone reaching Tandem creates the workspace and its owner. */
@Controller
@RequestMapping("/setup")
class SetupController {

    private final Workspaces workspaces;

    SetupController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    record SetupForm(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String workspaceName,
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String ownerName,
            @NotBlank(message = "{validation.required}") @Email(message = "{validation.email}") String email,
            @NotBlank(message = "{validation.required}") String password) {
    }

    @GetMapping
    String form(Model model) {
        refuseWhenSetUp();
        model.addAttribute("form", new SetupForm("", "", "", ""));
        return "workspace/setup";
    }

    @PostMapping
    String setUp(@Valid @ModelAttribute("form") SetupForm form, BindingResult errors) {
        refuseWhenSetUp();
        if (errors.hasErrors()) {
            return "workspace/setup";
        }
        try {
            workspaces.setUp(new Workspaces.NewWorkspace(form.workspaceName(), form.ownerName(), form.email(),
                    form.password(), Language.fromTag(LocaleContextHolder.getLocale().getLanguage()).orElse(Language.EN)));
        } catch (RuleViolation violation) {
            errors.rejectValue(violation.field(), violation.code(), violation.getMessage());
            return "workspace/setup";
        } catch (Workspaces.AlreadySetUp raced) {
            return "redirect:/login";
        }
        return "redirect:/login?setup";
    }

    private void refuseWhenSetUp() {
        if (workspaces.isSetUp()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Tandem is already set up");
        }
    }
}
