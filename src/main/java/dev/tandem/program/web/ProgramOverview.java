package dev.tandem.program.web;

import dev.tandem.program.Agreements;
import dev.tandem.program.ApplicationForms;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of a program's overview page: its settings, tiers and auto-approval, with a
 * form for each (keeping a form the request already put there, errors and all).
 */
@Component
class ProgramOverview {

    private final Programs programs;
    private final Agreements agreements;
    private final ApplicationForms forms;

    ProgramOverview(Programs programs, Agreements agreements, ApplicationForms forms) {
        this.programs = programs;
        this.agreements = agreements;
        this.forms = forms;
    }

    String page(WorkspaceId workspace, ProgramId id, Model model) {
        Program program = programs.get(workspace, id);
        model.addAttribute("program", program);
        model.addAttribute("tiers", programs.tiers(workspace, id));
        model.addAttribute("agreement", agreements.current(workspace, id, null).orElse(null));
        model.addAttribute("questionCount", forms.questions(workspace, id).size());
        model.addAttribute("criterionCount", forms.criteria(workspace, id).size());
        if (!model.containsAttribute("settingsForm")) {
            model.addAttribute("settingsForm", ProgramController.SettingsForm.of(program));
        }
        if (!model.containsAttribute("tierForm")) {
            model.addAttribute("tierForm", new TiersController.TierForm("", "", ""));
        }
        if (!model.containsAttribute("trackingForm")) {
            model.addAttribute("trackingForm", ProgramController.TrackingForm.of(program.tracking()));
        }
        if (!model.containsAttribute("autoApprovalForm")) {
            model.addAttribute("autoApprovalForm", ProgramController.AutoApprovalForm.of(program));
        }
        model.addAttribute("models", dev.tandem.program.AttributionModel.values());
        return "program/overview";
    }
}
