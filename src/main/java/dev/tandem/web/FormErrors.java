package dev.tandem.web;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import org.springframework.validation.BindingResult;

/**
 * Shows a service's problems next to the form fields they concern, in the reader's language (by
 * the problem's message code; the English message is the fallback). Problems about a field the
 * form does not have become a message for the whole form, never a server error.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** @param renamed the service's field names (often the API's) mapped to the form's, e.g. {@code referrals → reference1} */
    public static void reject(BindingResult errors, InvalidInputException e, Map<String, String> renamed) {
        Set<String> fields = errors.getTarget() instanceof Record form
                ? Arrays.stream(form.getClass().getRecordComponents()).map(RecordComponent::getName)
                        .collect(Collectors.toSet())
                : Set.of();
        for (FieldProblem problem : e.problems()) {
            String field = renamed.getOrDefault(problem.field(), problem.field());
            String code = problem.code() == null ? "validation.invalid" : problem.code();
            if (!fields.contains(field)) {
                errors.reject(code, problem.message());
            } else if (errors.getFieldErrors(field).stream()
                    .noneMatch(seen -> Arrays.asList(seen.getCodes()).contains(code))) {
                // two bad hosts are one message on the field, not two identical ones
                errors.rejectValue(field, code, problem.message());
            }
        }
    }
}
