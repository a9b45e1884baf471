package dev.tandem.partner.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Language;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.Applications;
import dev.tandem.program.AgreementVersion;
import dev.tandem.program.ApplicantProfile;
import dev.tandem.program.ApplicationForms;
import dev.tandem.program.ApplicationQuestion;
import dev.tandem.program.FitCriterion;
import dev.tandem.program.Program;
import dev.tandem.program.QuestionId;
import dev.tandem.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A program's public application page {@code /p/{slug}}: the proposal, the form, the terms, and a
 * thank-you page. Rate limited per client address; a filled honeypot field is thanked and dropped.
 */
@Controller
@RequestMapping("/p/{slug}")
class ApplicationPageController {

    /** Custom answers arrive as {@code q_<question id>}. */
    static final String ANSWER_PREFIX = "q_";

    private final Applications applications;
    private final ApplicationForms forms;
    private final SubmissionRateLimiter limiter;

    ApplicationPageController(Applications applications, ApplicationForms forms, SubmissionRateLimiter limiter) {
        this.applications = applications;
        this.forms = forms;
        this.limiter = limiter;
    }

    record ApplyForm(String name, String email, String phone, String company, String website, String plan,
            String reference1, String reference2, String industry, String companySize, String audience, String region,
            Boolean terms, String via, String homepage) {

        static ApplyForm empty(String via) {
            return new ApplyForm("", "", "", "", "", "", "", "", "", "", "", "", false, via == null ? "" : via, "");
        }
    }

    @GetMapping
    String form(@PathVariable String slug, @RequestParam(name = "via", required = false) String via, Model model) {
        Program program = applications.openProgram(slug);
        model.addAttribute("form", ApplyForm.empty(via));
        return page(program, Map.of(), Map.of(), model);
    }

    @PostMapping
    String apply(@PathVariable String slug, @ModelAttribute("form") ApplyForm form, BindingResult errors,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            HttpServletResponse response, Locale locale, Model model, RedirectAttributes flash) {
        Program program = applications.openProgram(slug);
        Optional<Duration> wait = limiter.attempt(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.get().toSeconds())));
            model.addAttribute("program", program);
            model.addAttribute("minutes", Math.max(1, (wait.get().toSeconds() + 59) / 60));
            return "partner/public/too-many";
        }
        if (form.homepage() != null && !form.homepage().isBlank()) {
            // a script filled the field people never see: thank it like a person, store nothing
            flash.addFlashAttribute("outcome", "pending");
            return "redirect:/p/" + program.slug() + "/thanks";
        }
        Map<String, String> answers = answers(params);
        try {
            Applications.Submitted submitted = applications.submit(program, submission(form, answers),
                    new Applications.Origin(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT),
                            Language.fromTag(locale.toLanguageTag()).orElse(Language.EN), form.via()));
            flash.addFlashAttribute("outcome", submitted.autoApproved() ? "approved" : "pending");
            return "redirect:/p/" + program.slug() + "/thanks";
        } catch (InvalidInputException e) {
            Map<String, String> answerErrors = new HashMap<>();
            List<FieldProblem> others = new ArrayList<>();
            for (FieldProblem problem : e.problems()) {
                if (problem.field().startsWith("answers.")) {
                    answerErrors.putIfAbsent(problem.field().substring("answers.".length()), answerCode(problem.code()));
                } else {
                    others.add(problem);
                }
            }
            FormErrors.reject(errors, new InvalidInputException(others), Map.of("referrals", "reference1"));
            return page(program, answers, answerErrors, model);
        }
    }

    @GetMapping("/thanks")
    String thanks(@PathVariable String slug, Model model) {
        model.addAttribute("program", applications.openProgram(slug));
        model.addAttribute("outcome", model.containsAttribute("outcome") ? model.getAttribute("outcome") : "pending");
        return "partner/public/thanks";
    }

    @GetMapping("/terms")
    String terms(@PathVariable String slug, Model model) {
        Program program = applications.openProgram(slug);
        AgreementVersion terms = applications.terms(program)
                .orElseThrow(() -> new NotFoundException("program " + slug + " has no terms"));
        model.addAttribute("program", program);
        model.addAttribute("terms", terms);
        return "partner/public/terms";
    }

    private String page(Program program, Map<String, String> answers, Map<String, String> answerErrors, Model model) {
        List<FitCriterion.Attribute> asked = forms.askedAttributes(program.workspaceId(), program.id());
        List<ApplicationQuestion> questions = forms.questions(program.workspaceId(), program.id());
        model.addAttribute("program", program);
        model.addAttribute("questions", questions);
        model.addAttribute("answers", answers);
        model.addAttribute("answerErrors", answerErrors);
        model.addAttribute("askIndustry", asked.contains(FitCriterion.Attribute.INDUSTRY));
        model.addAttribute("askCompanySize", asked.contains(FitCriterion.Attribute.COMPANY_SIZE));
        model.addAttribute("askAudience", asked.contains(FitCriterion.Attribute.AUDIENCE));
        model.addAttribute("askRegion", asked.contains(FitCriterion.Attribute.REGION));
        model.addAttribute("companySizes", ApplicantProfile.COMPANY_SIZES);
        model.addAttribute("hasTerms", applications.terms(program).isPresent());
        return "partner/public/apply";
    }

    private static Map<String, String> answers(MultiValueMap<String, String> params) {
        Map<String, String> answers = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(ANSWER_PREFIX) && !values.isEmpty()) {
                answers.put(name.substring(ANSWER_PREFIX.length()), values.get(0));
            }
        });
        return answers;
    }

    private static Applications.Submission submission(ApplyForm form, Map<String, String> answers) {
        Map<QuestionId, String> byQuestion = new HashMap<>();
        answers.forEach((id, answer) -> {
            try {
                byQuestion.put(QuestionId.parse(id), answer);
            } catch (IllegalArgumentException notAQuestion) {
                // a tampered field name answers no question
            }
        });
        List<String> referrals = new ArrayList<>();
        referrals.add(form.reference1());
        referrals.add(form.reference2());
        return new Applications.Submission(form.name(), form.email(), form.phone(), form.company(), form.website(),
                form.plan(), referrals.stream().filter(r -> r != null && !r.isBlank()).toList(), form.industry(),
                form.companySize(), form.audience(), form.region(), byQuestion, Boolean.TRUE.equals(form.terms()));
    }

    // the form's own codes name program settings; an applicant reads ours
    private static String answerCode(String code) {
        if (code == null) {
            return "validation.required";
        }
        return switch (code) {
            case "form.error.choice" -> "apply.error.choice";
            case "form.error.yesNo" -> "apply.error.yesNo";
            case "validation.required", "validation.tooLong" -> code;
            default -> "apply.error.answer";
        };
    }
}
