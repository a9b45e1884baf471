package dev.tandem.referral.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.tandem.core.EmailAddresses;
import dev.tandem.core.FieldProblem;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.EventInput;

/**
 * What a prospect types into a lead form (the hosted referral page or the business's own, through
 * the snippet), checked the same way for both before anything reaches the intake.
 */
public record LeadDetails(String name, String email, String company, String message) {

    public static final int MAX_NAME = 200;
    public static final int MAX_COMPANY = 200;
    public static final int MAX_MESSAGE = 4000;
    private static final Pattern CLICK_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    public LeadDetails {
        name = trim(name);
        email = trim(email);
        company = trim(company);
        message = message == null ? "" : message.strip();
    }

    /** Each field that cannot be stored, with a message code for pages and the English text for the API. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "is required", "validation.required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "is too long (at most " + MAX_NAME + " characters)", "validation.tooLong"));
        }
        if (email.isEmpty()) {
            problems.add(new FieldProblem("email", "is required", "validation.required"));
        } else if (!EmailAddresses.valid(email)) {
            problems.add(new FieldProblem("email", "must be an email address", "validation.email"));
        }
        if (company.length() > MAX_COMPANY) {
            problems.add(new FieldProblem("company", "is too long (at most " + MAX_COMPANY + " characters)", "validation.tooLong"));
        }
        if (message.length() > MAX_MESSAGE) {
            problems.add(new FieldProblem("message", "is too long (at most " + MAX_MESSAGE + " characters)", "validation.tooLong"));
        }
        return problems;
    }

    /**
     * The lead event for the intake.
     *
     * @param code    the referral code the prospect came through (hosted page), or null
     * @param clickId the click id the prospect's browser kept, or null
     * @param source  where the form was, for the business's eyes (a page address or an origin)
     */
    public EventInput lead(String id, Instant at, ProgramId program, String code, String clickId, String source) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (!message.isEmpty()) {
            metadata.put("message", message);
        }
        if (source != null && !source.isBlank()) {
            metadata.put("sourcePage", source);
        }
        return new EventInput(id, "lead", at,
                new EventInput.CustomerInput(null, EmailAddresses.normalised(email), name, company),
                blankToNull(clickId), blankToNull(code), null, program.toString(), null, null, null, metadata);
    }

    /** The click id a form or a browser kept, trimmed, if it looks like one (else null: it names no click). */
    public static String clickId(String text) {
        return text != null && CLICK_ID.matcher(text.trim()).matches() ? text.trim() : null;
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
