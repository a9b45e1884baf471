package dev.tandem.program;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tandem.core.Ids;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.program.internal.FormRepository;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A program's application form (its custom questions) and ideal partner profile (weighted criteria). */
@Service
public class ApplicationForms {

    private final FormRepository forms;
    private final Programs programs;
    private final AuditLog audit;
    private final Clock clock;

    ApplicationForms(FormRepository forms, Programs programs, AuditLog audit, Clock clock) {
        this.forms = forms;
        this.programs = programs;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ApplicationQuestion> questions(WorkspaceId workspace, ProgramId program) {
        return forms.activeQuestions(workspace, program);
    }

    @Transactional
    public ApplicationQuestion addQuestion(WorkspaceId workspace, Actor by, ProgramId program, String label,
            ApplicationQuestion.Kind kind, List<String> options, boolean required) {
        programs.get(workspace, program);
        String cleaned = label == null ? "" : label.trim();
        if (cleaned.isEmpty() || cleaned.length() > 300) {
            throw InvalidInputException.of("label", "validation.required", "is required (300 characters at most)");
        }
        if (kind == null) {
            throw InvalidInputException.of("kind", "validation.required", "must be text, choice or yes_no");
        }
        List<String> opts = kind == ApplicationQuestion.Kind.CHOICE
                ? options.stream().map(String::trim).filter(o -> !o.isEmpty()).distinct().toList() : List.of();
        if (kind == ApplicationQuestion.Kind.CHOICE && opts.size() < 2) {
            throw InvalidInputException.of("options", "form.error.options", "a choice needs at least two options");
        }
        ApplicationQuestion question = new ApplicationQuestion(program, new QuestionId(Ids.newId()), 0, cleaned, kind,
                opts, required);
        forms.insertQuestion(workspace, question, clock.instant());
        audit.record(workspace, by, "form.question_added", question.id().toString(), Map.of("label", cleaned));
        return question;
    }

    /**
     * Takes the question off the form (answers already given keep it) and drops the criteria that
     * judge it: nobody is asked it any more, so they would lower every later application's score.
     */
    @Transactional
    public void removeQuestion(WorkspaceId workspace, Actor by, ProgramId program, QuestionId question) {
        if (!forms.archiveQuestion(workspace, program, question, clock.instant())) {
            throw new NotFoundException("no question " + question);
        }
        int criteriaRemoved = forms.deleteCriteriaOf(workspace, program, question);
        audit.record(workspace, by, "form.question_removed", question.toString(),
                Map.of("criteriaRemoved", criteriaRemoved));
    }

    public List<FitCriterion> criteria(WorkspaceId workspace, ProgramId program) {
        return forms.criteria(workspace, program);
    }

    @Transactional
    public FitCriterion addCriterion(WorkspaceId workspace, Actor by, ProgramId program, FitCriterion.Attribute attribute,
            QuestionId question, List<String> expectedValues, int weight) {
        programs.get(workspace, program);
        if (attribute == null) {
            throw InvalidInputException.of("attribute", "validation.required", "is required");
        }
        if (attribute == FitCriterion.Attribute.QUESTION
                && (question == null || questions(workspace, program).stream().noneMatch(q -> q.id().equals(question)))) {
            throw InvalidInputException.of("questionId", "validation.required", "must be one of this form's questions");
        }
        List<String> values = expectedValues.stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
        if (values.isEmpty()) {
            throw InvalidInputException.of("expectedValues", "validation.required", "name at least one value that fits");
        }
        if (weight < 1 || weight > 10) {
            throw InvalidInputException.of("weight", "profile.error.weight", "must be between 1 and 10");
        }
        FitCriterion criterion = new FitCriterion(program, new CriterionId(Ids.newId()), attribute,
                attribute == FitCriterion.Attribute.QUESTION ? question : null, values, weight);
        forms.insertCriterion(workspace, criterion, clock.instant());
        audit.record(workspace, by, "profile.criterion_added", criterion.id().toString(),
                Map.of("attribute", attribute.code(), "values", String.join(", ", values), "weight", weight));
        return criterion;
    }

    @Transactional
    public void removeCriterion(WorkspaceId workspace, Actor by, ProgramId program, CriterionId criterion) {
        if (!forms.deleteCriterion(workspace, program, criterion)) {
            throw new NotFoundException("no criterion " + criterion);
        }
        audit.record(workspace, by, "profile.criterion_removed", criterion.toString(), Map.of());
    }

    /** Which profile attributes the application form must ask for, because a criterion judges them. */
    public List<FitCriterion.Attribute> askedAttributes(WorkspaceId workspace, ProgramId program) {
        return criteria(workspace, program).stream().map(FitCriterion::attribute)
                .filter(a -> a != FitCriterion.Attribute.QUESTION).distinct().sorted().toList();
    }

    public FitScore score(WorkspaceId workspace, ProgramId program, ApplicantProfile profile) {
        Map<QuestionId, String> labels = questions(workspace, program).stream()
                .collect(Collectors.toMap(ApplicationQuestion::id, ApplicationQuestion::label));
        Function<QuestionId, String> label = id -> labels.getOrDefault(id, "?");
        return FitScore.of(criteria(workspace, program), profile, label);
    }

    /** Checks answers against the form: required questions answered, choices among their options. */
    public Map<QuestionId, String> checkedAnswers(WorkspaceId workspace, ProgramId program, Map<QuestionId, String> answers) {
        Map<QuestionId, String> checked = new java.util.LinkedHashMap<>();
        for (ApplicationQuestion q : questions(workspace, program)) {
            String answer = answers.getOrDefault(q.id(), "").trim();
            String field = "answers." + q.id();
            if (answer.isEmpty()) {
                if (q.required()) {
                    throw InvalidInputException.of(field, "validation.required", "is required");
                }
                continue;
            }
            if (q.kind() == ApplicationQuestion.Kind.CHOICE && !q.options().contains(answer)) {
                throw InvalidInputException.of(field, "form.error.choice", "must be one of " + String.join(", ", q.options()));
            }
            if (q.kind() == ApplicationQuestion.Kind.YES_NO && !answer.toLowerCase(Locale.ROOT).matches("yes|no")) {
                throw InvalidInputException.of(field, "form.error.yesNo", "must be yes or no");
            }
            if (answer.length() > 2000) {
                throw InvalidInputException.of(field, "validation.tooLong", "is too long (2000 characters at most)");
            }
            checked.put(q.id(), answer);
        }
        return checked;
    }
}
