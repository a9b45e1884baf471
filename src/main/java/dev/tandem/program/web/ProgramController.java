package dev.tandem.program.web;

import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.program.AttributionModel;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.TrackingSettings;
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

/** One program: its overview, its settings, who is approved without review, and archiving it. */
@Controller
@RequestMapping("/admin/programs/{programId}")
class ProgramController {

    private final Programs programs;
    private final ProgramOverview overview;

    ProgramController(Programs programs, ProgramOverview overview) {
        this.programs = programs;
        this.overview = overview;
    }

    /** What may change after creation (type, currency and slug may not: money and links depend on them). */
    record SettingsForm(String name, String description, String defaultDestination, String allowedHosts,
            String attributionModel, String windowDays, String commissionSummary) {

        static SettingsForm of(Program p) {
            return new SettingsForm(p.name(), p.description(), p.defaultDestination().toString(),
                    PageForms.joinLines(p.allowedHosts()), p.attributionModel().code(),
                    String.valueOf(p.attributionWindowDays()), p.commissionSummary());
        }
    }

    record AutoApprovalForm(String minScore, String domains) {

        static AutoApprovalForm of(Program p) {
            Integer min = p.autoApproval().minScore();
            return new AutoApprovalForm(min == null ? "" : min.toString(),
                    PageForms.joinLines(p.autoApproval().emailDomains()));
        }
    }

    /** Where disabled links send visitors, and whether customers stay with their first partner. */
    record TrackingForm(String fallbackDestination, boolean lifetimeBinding) {

        static TrackingForm of(TrackingSettings t) {
            return new TrackingForm(t.fallbackDestination() == null ? "" : t.fallbackDestination().toString(),
                    t.lifetimeBinding());
        }
    }

    @GetMapping
    String show(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId, Model model) {
        return overview.page(me.workspaceId(), ProgramId.parse(programId), model);
    }

    @PostMapping("/settings")
    String saveSettings(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @ModelAttribute("settingsForm") SettingsForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        ProgramId id = ProgramId.parse(programId);
        try {
            programs.update(me.workspaceId(), me.asActor(), id, new Programs.Settings(form.name(), null,
                    form.description(), null, form.defaultDestination(), PageForms.words(form.allowedHosts()),
                    ProgramsController.enumOf(form.attributionModel(), AttributionModel::fromCode),
                    PageForms.number(form.windowDays(), 0), form.commissionSummary(), null));
            flash.addFlashAttribute("notice", "program.saved");
            return "redirect:/admin/programs/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, ProgramsController.FIELDS);
            return overview.page(me.workspaceId(), id, model);
        }
    }

    @PostMapping("/auto-approval")
    String saveAutoApproval(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @ModelAttribute("autoApprovalForm") AutoApprovalForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        ProgramId id = ProgramId.parse(programId);
        try {
            programs.setAutoApproval(me.workspaceId(), me.asActor(), id, PageForms.number(form.minScore(), -1),
                    PageForms.words(form.domains()));
            flash.addFlashAttribute("notice", "autoApproval.saved");
            return "redirect:/admin/programs/" + id + "#auto-approval";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            return overview.page(me.workspaceId(), id, model);
        }
    }

    @PostMapping("/tracking")
    String saveTracking(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @ModelAttribute("trackingForm") TrackingForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        ProgramId id = ProgramId.parse(programId);
        try {
            programs.setTrackingSettings(me.workspaceId(), me.asActor(), id, form.fallbackDestination(),
                    form.lifetimeBinding());
            flash.addFlashAttribute("notice", "trackingSettings.saved");
            return "redirect:/admin/programs/" + id + "#tracking";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            return overview.page(me.workspaceId(), id, model);
        }
    }

    @PostMapping("/archive")
    String archive(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            RedirectAttributes flash) {
        programs.archive(me.workspaceId(), me.asActor(), ProgramId.parse(programId));
        flash.addFlashAttribute("notice", "program.archived");
        return "redirect:/admin/programs";
    }
}
