package dev.tandem.partner.web;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import org.springframework.validation.BindingResult;

/** Puts a service's field problems next to the form fields they concern, in the reader's language. */
final class PortalForms {

    private PortalForms() {
    }

    /** {@code renamed} maps the service's field names to the form's (e.g. {@code type} → {@code method}). */
    static void reject(BindingResult errors, InvalidInputException e, Map<String, String> renamed) {
        Set<String> fields = errors.getTarget() instanceof Record form
                ? Arrays.stream(form.getClass().getRecordComponents()).map(RecordComponent::getName)
                        .collect(Collectors.toSet())
                : Set.of();
        for (FieldProblem problem : e.problems()) {
            String field = renamed.getOrDefault(problem.field(), problem.field());
            String code = problem.code() == null ? "portal.error.invalid" : problem.code();
            if (fields.contains(field)) {
                errors.rejectValue(field, code, problem.message());
            } else {
                errors.reject(code, problem.message());
            }
        }
    }
}
