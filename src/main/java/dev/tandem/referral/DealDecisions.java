package dev.tandem.referral;

import java.util.List;

import dev.tandem.core.EmailAddresses;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;

/** The input rules deal registrations and claims share: trimmed texts with limits, addresses, decision reasons. */
final class DealDecisions {

    static final int REASON_MAX = 1000;

    private DealDecisions() {
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** The decision reason; a rejection or decline needs one because the partner is told it. */
    static String reason(String reason, boolean required) {
        String why = text(reason);
        if (required && why.isEmpty()) {
            throw InvalidInputException.of("reason", "validation.required", "is required");
        }
        if (why.length() > REASON_MAX) {
            throw InvalidInputException.of("reason", "validation.tooLong",
                    "is too long (" + REASON_MAX + " characters at most)");
        }
        return why;
    }

    /** Adds a problem when a text is required but blank, or longer than {@code max}. */
    static void check(List<FieldProblem> problems, String field, String value, boolean required, int max) {
        if (required && value.isEmpty()) {
            problems.add(new FieldProblem(field, "is required", "validation.required"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "is too long (" + max + " characters at most)", "validation.tooLong"));
        }
    }

    /** Adds a problem when the address is missing or not one email address; answers it as stored. */
    static String email(List<FieldProblem> problems, String field, String value) {
        String trimmed = text(value);
        if (trimmed.isEmpty()) {
            problems.add(new FieldProblem(field, "is required", "validation.required"));
        } else if (!EmailAddresses.valid(trimmed)) {
            problems.add(new FieldProblem(field, "must be an email address", "validation.email"));
        }
        return EmailAddresses.normalised(trimmed);
    }
}
