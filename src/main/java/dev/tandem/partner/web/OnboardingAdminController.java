package dev.tandem.partner.web;

import java.util.List;
import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.partner.Onboarding;
import dev.tandem.partner.OnboardingStepId;
import dev.tandem.partner.OnboardingStepKind;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.workspace.StaffPrincipal;
import dev.tandem.web.FormErrors;
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

/**
 * A program's onboarding checklist for its managers: the ordered steps (owners, admins and
 * managers change them; viewers only look) and every approved partner's progress, with who is
 * stuck on which step.
 */
@Controller
@RequestMapping("/admin/programs/{programId}/onboarding")
class OnboardingAdminController {

    private final Onboarding onboarding;
    private final Programs programs;

    OnboardingAdminController(Onboarding onboarding, Programs programs) {
        this.onboarding = onboarding;
        this.programs = programs;
    }

    record StepForm(String kind, String title, String url) {
    }

    @GetMapping
    String board(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId, Model model) {
        model.addAttribute("form", new StepForm("read_page", "", ""));
        return page(me, ProgramId.parse(programId), model);
    }

    @PostMapping("/steps")
    String add(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @ModelAttribute("form") StepForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        ProgramId program = ProgramId.parse(programId);
        try {
            onboarding.addStep(me.workspaceId(), me.asActor(), program,
                    OnboardingStepKind.fromCode(form.kind()).orElse(null), form.title(), form.url());
            flash.addFlashAttribute("notice", "onboarding.admin.added");
            return "redirect:/admin/programs/" + program + "/onboarding";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            return page(me, program, model);
        }
    }

    @PostMapping("/steps/{stepId}/remove")
    String remove(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @PathVariable String stepId, RedirectAttributes flash) {
        ProgramId program = ProgramId.parse(programId);
        onboarding.removeStep(me.workspaceId(), me.asActor(), program, OnboardingStepId.parse(stepId));
        flash.addFlashAttribute("notice", "onboarding.admin.removed");
        return "redirect:/admin/programs/" + program + "/onboarding";
    }

    @PostMapping("/steps/{stepId}/up")
    String moveUp(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @PathVariable String stepId) {
        ProgramId program = ProgramId.parse(programId);
        onboarding.moveUp(me.workspaceId(), me.asActor(), program, OnboardingStepId.parse(stepId));
        return "redirect:/admin/programs/" + program + "/onboarding";
    }

    private String page(StaffPrincipal me, ProgramId program, Model model) {
        model.addAttribute("program", programs.get(me.workspaceId(), program));
        model.addAttribute("board", onboarding.board(me.workspaceId(), program));
        model.addAttribute("kinds", List.of(OnboardingStepKind.values()));
        return "partner/onboarding/admin";
    }

}
