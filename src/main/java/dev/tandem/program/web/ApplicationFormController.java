package dev.tandem.program.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.core.InvalidIdException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.program.ApplicantProfile;
import dev.tandem.program.ApplicationForms;
import dev.tandem.program.ApplicationQuestion;
import dev.tandem.program.CriterionId;
import dev.tandem.program.FitCriterion;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.QuestionId;
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

/** What a program asks applicants (custom questions) and what a good applicant looks like (the ideal profile). */
@Controller
@RequestMapping("/admin/programs/{programId}/form")
class ApplicationFormController {

    private static final String QUESTION_PREFIX = "question:";

    private final Programs programs;
    private final ApplicationForms forms;

    ApplicationFormController(Programs programs, ApplicationForms forms) {
        this.programs = programs;
        this.forms = forms;
    }

    record QuestionForm(String label, String kind, String options, Boolean required) {
    }

    /**
     * {@code attribute} is an attribute's code, or {@code question:<id>} for a custom question;
     * company sizes come as ticked boxes, every other value one per line.
     */
    record CriterionForm(String attribute, String expectedValues, List<String> companySizes, String weight) {
    }

    /** A choice of the criterion form's attribute select. */
    record AttributeChoice(String value, FitCriterion.Attribute attribute, String questionLabel) {
    }

    @GetMapping
    String show(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId, Model model) {
        return page(me, ProgramId.parse(programId), model);
    }

    @PostMapping("/questions")
    String addQuestion(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @ModelAttribute("questionForm") QuestionForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        ProgramId id = ProgramId.parse(programId);
        try {
            forms.addQuestion(me.workspaceId(), me.asActor(), id, form.label(),
                    ProgramsController.enumOf(form.kind(), ApplicationQuestion.Kind::fromCode),
                    PageForms.lines(form.options()), Boolean.TRUE.equals(form.required()));
            flash.addFlashAttribute("notice", "question.added");
            return "redirect:/admin/programs/" + id + "/form";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            return page(me, id, model);
        }
    }

    @PostMapping("/questions/{questionId}/remove")
    String removeQuestion(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @PathVariable String questionId, RedirectAttributes flash) {
        ProgramId id = ProgramId.parse(programId);
        forms.removeQuestion(me.workspaceId(), me.asActor(), id, QuestionId.parse(questionId));
        flash.addFlashAttribute("notice", "question.removed");
        return "redirect:/admin/programs/" + id + "/form";
    }

    @PostMapping("/criteria")
    String addCriterion(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @ModelAttribute("criterionForm") CriterionForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        ProgramId id = ProgramId.parse(programId);
        String attribute = form.attribute() == null ? "" : form.attribute().trim();
        QuestionId question = null;
        FitCriterion.Attribute kind;
        try {
            if (attribute.startsWith(QUESTION_PREFIX)) {
                kind = FitCriterion.Attribute.QUESTION;
                question = QuestionId.parse(attribute.substring(QUESTION_PREFIX.length()));
            } else {
                kind = ProgramsController.enumOf(attribute, FitCriterion.Attribute::fromCode);
            }
        } catch (InvalidIdException unknownQuestion) {
            kind = FitCriterion.Attribute.QUESTION;
        }
        List<String> values = new ArrayList<>();
        if (kind == FitCriterion.Attribute.COMPANY_SIZE && form.companySizes() != null) {
            values.addAll(form.companySizes());
        }
        values.addAll(PageForms.lines(form.expectedValues()));
        Integer weight = PageForms.number(form.weight(), 0);
        try {
            forms.addCriterion(me.workspaceId(), me.asActor(), id, kind, question, values, weight == null ? 0 : weight);
            flash.addFlashAttribute("notice", "criterion.added");
            return "redirect:/admin/programs/" + id + "/form#profile";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of("questionId", "attribute"));
            return page(me, id, model);
        }
    }

    @PostMapping("/criteria/{criterionId}/remove")
    String removeCriterion(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @PathVariable String criterionId, RedirectAttributes flash) {
        ProgramId id = ProgramId.parse(programId);
        forms.removeCriterion(me.workspaceId(), me.asActor(), id, CriterionId.parse(criterionId));
        flash.addFlashAttribute("notice", "criterion.removed");
        return "redirect:/admin/programs/" + id + "/form#profile";
    }

    private String page(StaffPrincipal me, ProgramId id, Model model) {
        model.addAttribute("program", programs.get(me.workspaceId(), id));
        List<ApplicationQuestion> questions = forms.questions(me.workspaceId(), id);
        Map<QuestionId, String> labels = new LinkedHashMap<>();
        questions.forEach(q -> labels.put(q.id(), q.label()));
        List<AttributeChoice> attributes = new ArrayList<>();
        for (FitCriterion.Attribute a : FitCriterion.Attribute.values()) {
            if (a != FitCriterion.Attribute.QUESTION) {
                attributes.add(new AttributeChoice(a.code(), a, null));
            }
        }
        questions.forEach(q -> attributes.add(new AttributeChoice(QUESTION_PREFIX + q.id(), FitCriterion.Attribute.QUESTION,
                q.label())));
        model.addAttribute("questions", questions);
        model.addAttribute("questionLabels", labels);
        model.addAttribute("criteria", forms.criteria(me.workspaceId(), id));
        model.addAttribute("attributes", attributes);
        model.addAttribute("kinds", ApplicationQuestion.Kind.values());
        model.addAttribute("companySizes", ApplicantProfile.COMPANY_SIZES);
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", new QuestionForm("", ApplicationQuestion.Kind.TEXT.code(), "", false));
        }
        if (!model.containsAttribute("criterionForm")) {
            model.addAttribute("criterionForm", new CriterionForm(FitCriterion.Attribute.INDUSTRY.code(), "", List.of(), "5"));
        }
        return "program/form";
    }
}
