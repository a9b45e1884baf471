package dev.tandem.program.web;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import org.springframework.validation.BindingResult;

/** What the program pages share: text areas as lists, and service errors on fields. */
final class PageForms {

    private PageForms() {
    }

    /** One entry per non-empty line: for values that may contain spaces (options, expected values). */
    static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Host names and domains: one per line, but commas and spaces separate them too. */
    static List<String> words(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[\\s,;]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String joinLines(List<String> values) {
        return String.join("\n", values);
    }

    /**
     * A number typed into a form; blank is null. Something that is not a number becomes
     * {@code invalid}, a value the service refuses, so that it is reported with every other problem.
     */
    static Integer number(String text, int invalid) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException notANumber) {
            return invalid;
        }
    }

    /**
     * Shows each of the service's problems next to the form field it concerns, in the reader's
     * language (by its code; the English message is the fallback). {@code renamed} maps the
     * service's field names (the API's, e.g. {@code attribution.windowDays}) to the form's.
     */
    static void reject(BindingResult errors, InvalidInputException e, Map<String, String> renamed) {
        Set<String> fields = errors.getTarget() instanceof Record form
                ? Arrays.stream(form.getClass().getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet())
                : Set.of();
        for (FieldProblem problem : e.problems()) {
            String field = renamed.getOrDefault(problem.field(), problem.field());
            String code = problem.code() == null ? "program.error.invalid" : problem.code();
            if (!fields.contains(field)) {
                errors.reject(code, problem.message());
            } else if (errors.getFieldErrors(field).stream().noneMatch(seen -> Arrays.asList(seen.getCodes()).contains(code))) {
                // two bad hosts are one message on the field, not two identical ones
                errors.rejectValue(field, code, problem.message());
            }
        }
    }
}
