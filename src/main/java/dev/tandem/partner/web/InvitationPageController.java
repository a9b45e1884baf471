package dev.tandem.partner.web;

import java.util.List;

import dev.tandem.core.ConflictException;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Language;
import dev.tandem.partner.Invitations;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.TierId;
import dev.tandem.workspace.StaffPrincipal;
import dev.tandem.workspace.Workspaces;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Inviting a person into a program by email: pre-approved, in the tier the manager chooses. */
@Controller
@RequestMapping("/admin/programs/{programId}/invite")
class InvitationPageController {

    private static final List<String> FIELDS = List.of("email", "name", "tierId", "language");

    private final Invitations invitations;
    private final Programs programs;
    private final Workspaces workspaces;

    InvitationPageController(Invitations invitations, Programs programs, Workspaces workspaces) {
        this.invitations = invitations;
        this.programs = programs;
        this.workspaces = workspaces;
    }

    record InviteForm(String email, String name, String tierId, Language language) {
    }

    @GetMapping
    String form(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId, Model model) {
        ProgramId id = ProgramId.parse(programId);
        Language language = workspaces.get(me.workspaceId()).defaultLanguage();
        model.addAttribute("form", new InviteForm("", "",
                programs.defaultTier(me.workspaceId(), programs.get(me.workspaceId(), id).id()).id().toString(), language));
        return page(me, id, model);
    }

    @PostMapping
    String invite(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @ModelAttribute("form") InviteForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        ProgramId id = ProgramId.parse(programId);
        Program program = programs.get(me.workspaceId(), id);
        if (form.language() == null) {
            errors.rejectValue("language", "validation.required", "is required");
            return page(me, id, model);
        }
        try {
            TierId tier = form.tierId() == null || form.tierId().isBlank() ? null : TierId.parse(form.tierId());
            invitations.invite(me.workspaceId(), me.asActor(), id, form.email(), form.name(), tier, form.language());
            flash.addFlashAttribute("notice", "invite.sent");
            flash.addFlashAttribute("noticeEmail", form.email().trim());
            return "redirect:/admin/programs/" + program.id() + "/invite";
        } catch (InvalidInputException e) {
            for (FieldProblem problem : e.problems()) {
                String field = problem.field().equals("to") ? "email" : problem.field();
                if (FIELDS.contains(field)) {
                    errors.rejectValue(field, problem.code() == null ? "validation.email" : problem.code(),
                            problem.message());
                } else {
                    errors.reject(problem.code() == null ? "invite.error" : problem.code(), problem.message());
                }
            }
        } catch (ConflictException e) {
            if (program.active()) {
                errors.rejectValue("email", "invite.error.already", e.getMessage());
            } else {
                errors.reject("invite.error.archived", e.getMessage());
            }
        }
        return page(me, id, model);
    }

    private String page(StaffPrincipal me, ProgramId id, Model model) {
        model.addAttribute("program", programs.get(me.workspaceId(), id));
        model.addAttribute("tiers", programs.tiers(me.workspaceId(), id));
        model.addAttribute("languageOptions", Language.values());
        return "partner/admin/invite";
    }
}
