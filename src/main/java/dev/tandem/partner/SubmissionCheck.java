package dev.tandem.partner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.partner.internal.PartnerRepository;
import dev.tandem.program.ApplicantProfile;
import dev.tandem.program.ApplicationForms;
import dev.tandem.program.ApplicationQuestion;
import dev.tandem.program.FitCriterion;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.QuestionId;
import dev.tandem.workspace.WorkspaceId;

/**
 * Checks an application field by field, so that the applicant sees every problem at once: what is
 * always required, the profile fields the program's ideal profile judges, the custom answers, the
 * terms, and that this email has not applied to the program before.
 */
final class SubmissionCheck {

    static final int MAX_REFERRALS = 2;
    private static final Pattern NO_SPACES = Pattern.compile("\\S+");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()./-]{5,40}");

    private final ApplicationForms forms;
    private final Partners partners;
    private final PartnerRepository partnerRows;

    SubmissionCheck(ApplicationForms forms, Partners partners, PartnerRepository partnerRows) {
        this.forms = forms;
        this.partners = partners;
        this.partnerRows = partnerRows;
    }

    static InvalidInputException duplicate() {
        return InvalidInputException.of("email", "apply.error.duplicate", "has already been used to apply to this program");
    }

    record Checked(String name, String email, String phone, String company, String website, String plan,
            List<String> referrals, String industry, String companySize, String audience, String region,
            Map<QuestionId, String> answers, List<Application.Answer> answerList) {
    }

    // every field is checked so that the applicant sees all problems at once
    Checked check(Program program, Applications.Submission form, boolean termsRequired) {
        WorkspaceId workspace = program.workspaceId();
        List<FieldProblem> problems = new ArrayList<>();
        String name = required(form.name(), "name", 100, problems);
        String email = "";
        try {
            email = Partners.checkedEmail(form.email());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        String phone = optional(form.phone(), "phone", 40, problems);
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            problems.add(new FieldProblem("phone", "must be a phone number, e.g. +34 600 123 456", "apply.error.phone"));
        }
        String company = optional(form.company(), "company", 100, problems);
        String website = optional(form.website(), "website", 200, problems);
        if (!website.isEmpty() && !NO_SPACES.matcher(website).matches()) {
            problems.add(new FieldProblem("website", "must be one address or handle, without spaces", "apply.error.website"));
        }
        String plan = required(form.plan(), "plan", 2000, problems);
        List<String> referrals = (form.referrals() == null ? List.<String>of() : form.referrals()).stream()
                .map(SubmissionCheck::text).filter(r -> !r.isEmpty()).toList();
        if (referrals.isEmpty()) {
            problems.add(new FieldProblem("referrals", "name at least one reference", "apply.error.references"));
        } else if (referrals.size() > MAX_REFERRALS || referrals.stream().anyMatch(r -> r.length() > 300)) {
            problems.add(new FieldProblem("referrals", "at most two references of 300 characters each", "validation.tooLong"));
        }
        List<FitCriterion.Attribute> asked = forms.askedAttributes(workspace, program.id());
        String industry = profileField(form.industry(), "industry", asked.contains(FitCriterion.Attribute.INDUSTRY), problems);
        String companySize = profileField(form.companySize(), "companySize",
                asked.contains(FitCriterion.Attribute.COMPANY_SIZE), problems);
        if (!companySize.isEmpty() && !ApplicantProfile.COMPANY_SIZES.contains(companySize)) {
            problems.add(new FieldProblem("companySize", "must be one of " + String.join(", ", ApplicantProfile.COMPANY_SIZES),
                    "apply.error.companySize"));
        }
        String audience = profileField(form.audience(), "audience", asked.contains(FitCriterion.Attribute.AUDIENCE), problems);
        String region = profileField(form.region(), "region", asked.contains(FitCriterion.Attribute.REGION), problems);
        List<ApplicationQuestion> questions = forms.questions(workspace, program.id());
        Map<QuestionId, String> answers = checkAnswers(workspace, program.id(), questions, form.answers(), problems);
        if (termsRequired && !form.termsAccepted()) {
            problems.add(new FieldProblem("terms", "must be accepted to apply", "apply.error.terms"));
        }
        if (!email.isEmpty() && partnerAlreadyIn(program, email)) {
            problems.add(duplicate().problems().get(0));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<QuestionId, String> labels = new HashMap<>();
        questions.forEach(q -> labels.put(q.id(), q.label()));
        List<Application.Answer> answerList = answers.entrySet().stream()
                .map(a -> new Application.Answer(a.getKey(), labels.getOrDefault(a.getKey(), ""), a.getValue())).toList();
        return new Checked(name, email, phone, company, website, plan, referrals, industry, companySize, audience,
                region, answers, answerList);
    }

    private boolean partnerAlreadyIn(Program program, String email) {
        return partnerRows.findByEmail(program.workspaceId(), email)
                .flatMap(p -> partners.enrollment(program.workspaceId(), program.id(), p.id())).isPresent();
    }

    // required answers are checked here, all at once; choices and yes/no by the form itself
    private Map<QuestionId, String> checkAnswers(WorkspaceId workspace, ProgramId program,
            List<ApplicationQuestion> questions, Map<QuestionId, String> given, List<FieldProblem> problems) {
        Map<QuestionId, String> answers = given == null ? Map.of() : given;
        boolean missing = false;
        for (ApplicationQuestion q : questions) {
            if (q.required() && text(answers.get(q.id())).isEmpty()) {
                problems.add(new FieldProblem("answers." + q.id(), "is required", "validation.required"));
                missing = true;
            }
        }
        if (missing) {
            return Map.of();
        }
        try {
            Map<QuestionId, String> normalised = new HashMap<>();
            answers.forEach((id, answer) -> normalised.put(id, yesNo(answer)));
            return forms.checkedAnswers(workspace, program, normalised);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return Map.of();
        }
    }

    private static String yesNo(String answer) {
        String a = text(answer);
        return a.equalsIgnoreCase("yes") || a.equalsIgnoreCase("no") ? a.toLowerCase(Locale.ROOT) : a;
    }

    private static String profileField(String value, String field, boolean asked, List<FieldProblem> problems) {
        return asked ? required(value, field, 100, problems) : optional(value, field, 100, problems);
    }

    private static String required(String value, String field, int max, List<FieldProblem> problems) {
        String v = text(value);
        if (v.isEmpty()) {
            problems.add(new FieldProblem(field, "is required", "validation.required"));
        } else if (v.length() > max) {
            problems.add(new FieldProblem(field, "is too long (" + max + " characters at most)", "validation.tooLong"));
        }
        return v;
    }

    private static String optional(String value, String field, int max, List<FieldProblem> problems) {
        String v = text(value);
        if (v.length() > max) {
            problems.add(new FieldProblem(field, "is too long (" + max + " characters at most)", "validation.tooLong"));
        }
        return v;
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
