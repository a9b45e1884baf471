package dev.tandem.program.web;

import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.Tier;
import dev.tandem.program.TierId;
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

/** A program's tiers: add one, change its name, goals and perks, choose the one new partners join. */
@Controller
@RequestMapping("/admin/programs/{programId}/tiers")
class TiersController {

    private final Programs programs;
    private final ProgramOverview overview;

    TiersController(Programs programs, ProgramOverview overview) {
        this.programs = programs;
        this.overview = overview;
    }

    record TierForm(String name, String goals, String perks) {
    }

    @PostMapping
    String add(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @ModelAttribute("tierForm") TierForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        ProgramId id = ProgramId.parse(programId);
        try {
            programs.addTier(me.workspaceId(), me.asActor(), id, form.name(), form.goals(), form.perks());
            flash.addFlashAttribute("notice", "tier.added");
            return "redirect:/admin/programs/" + id + "#tiers";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            return overview.page(me.workspaceId(), id, model);
        }
    }

    @GetMapping("/{tierId}")
    String edit(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId, @PathVariable String tierId,
            Model model) {
        ProgramId id = ProgramId.parse(programId);
        Tier tier = programs.tier(me.workspaceId(), id, TierId.parse(tierId));
        model.addAttribute("tierForm", new TierForm(tier.name(), tier.goals(), tier.perks()));
        return editPage(me, id, tier, model);
    }

    @PostMapping("/{tierId}")
    String save(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId, @PathVariable String tierId,
            @ModelAttribute("tierForm") TierForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        ProgramId id = ProgramId.parse(programId);
        Tier tier = programs.tier(me.workspaceId(), id, TierId.parse(tierId));
        try {
            programs.updateTier(me.workspaceId(), me.asActor(), id, tier.id(), form.name(), form.goals(), form.perks());
            flash.addFlashAttribute("notice", "tier.saved");
            return "redirect:/admin/programs/" + id + "#tiers";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            return editPage(me, id, tier, model);
        }
    }

    @PostMapping("/{tierId}/default")
    String makeDefault(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @PathVariable String tierId, RedirectAttributes flash) {
        ProgramId id = ProgramId.parse(programId);
        programs.makeDefaultTier(me.workspaceId(), me.asActor(), id, TierId.parse(tierId));
        flash.addFlashAttribute("notice", "tier.madeDefault");
        return "redirect:/admin/programs/" + id + "#tiers";
    }

    private String editPage(StaffPrincipal me, ProgramId id, Tier tier, Model model) {
        Program program = programs.get(me.workspaceId(), id);
        model.addAttribute("program", program);
        model.addAttribute("tier", tier);
        return "program/tier";
    }
}
