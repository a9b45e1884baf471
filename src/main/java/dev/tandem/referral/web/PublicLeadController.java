package dev.tandem.referral.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.Ids;
import dev.tandem.core.InvalidInputException;
import dev.tandem.program.Program;
import dev.tandem.program.Programs;
import dev.tandem.referral.EventSource;
import dev.tandem.referral.Intake;
import dev.tandem.referral.PublishableKey;
import dev.tandem.referral.PublishableKeys;
import dev.tandem.referral.internal.LeadDetails;
import dev.tandem.referral.internal.LeadRateLimits;
import dev.tandem.workspace.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The snippet's door ({@code /js/tandem.js} calls it from the business's own site): a lead sent with
 * a publishable key, from a page at one of the key's origins, at a limited rate. It answers only the
 * event's id and whether a partner got the credit, never who: the caller is any visitor's browser.
 */
@RestController
@RequestMapping("/api/v1/public")
@Tag(name = "Snippet (public)", description = "Called by /js/tandem.js from the business's web pages with a publishable key (tnd_pk_…), not an API key")
class PublicLeadController {

    private static final String PROBLEMS = "https://tandem.dev/problems/";
    private static final Actor ACTOR = new Actor(Actor.Kind.SYSTEM, null, "Lead snippet");

    private final PublishableKeys keys;
    private final Programs programs;
    private final Intake intake;
    private final LeadRateLimits limits;
    private final Clock clock;

    PublicLeadController(PublishableKeys keys, Programs programs, Intake intake, LeadRateLimits limits, Clock clock) {
        this.keys = keys;
        this.programs = programs;
        this.intake = intake;
        this.limits = limits;
        this.clock = clock;
    }

    /** {@code page}: the address of the page the form is on, without its query (the snippet sends it; optional). */
    record LeadRequest(String key, String clickId, String email, String name, String company, String message,
            String page) {
    }

    record LeadAnswer(String id, boolean attributed) {
    }

    record ConfigAnswer(int windowDays) {
    }

    @PostMapping("/leads")
    @Operation(summary = "Record a lead from the business's web page (publishable key, allowed origins only)")
    ResponseEntity<?> lead(@RequestBody LeadRequest body, @RequestHeader(value = HttpHeaders.ORIGIN, required = false) String origin,
            HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        Optional<PublishableKey> found = usable(body.key());
        if (found.isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unknown publishable key",
                    "Send the active publishable key (tnd_pk_…) of the program as \"key\".");
        }
        PublishableKey key = found.get();
        if (!key.allows(origin)) {
            return problem(HttpStatus.FORBIDDEN, "forbidden", "Origin not allowed",
                    "This publishable key may only be used from the origins listed for it in Tandem.");
        }
        PublicLeadCorsFilter.allow(response, origin);
        Duration wait = limits.snippet(key.key(), request.getRemoteAddr());
        if (!wait.isZero()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(detail(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                            "Too many leads from this address; try again later."));
        }
        LeadDetails details = new LeadDetails(body.name(), body.email(), body.company(), body.message());
        List<FieldProblem> problems = details.problems();
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        try {
            Intake.Recorded recorded = intake.record(key.workspaceId(), ACTOR, details.lead(
                    "snippet_" + Ids.newId(), clock.instant(), key.programId(), null,
                    LeadDetails.clickId(body.clickId()), pageOf(body.page(), request, origin)), EventSource.SNIPPET);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new LeadAnswer(recorded.event().id().toString(), recorded.event().attributed()));
        } catch (InvalidInputException e) {
            return invalid(e.problems());
        }
    }

    @GetMapping("/config")
    @Operation(summary = "What the snippet needs to know about its program: how many days a click counts")
    ResponseEntity<?> config(@RequestParam(required = false) String key,
            @RequestHeader(value = HttpHeaders.ORIGIN, required = false) String origin, HttpServletResponse response) {
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        Optional<PublishableKey> found = usable(key);
        if (found.isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unknown publishable key",
                    "Send the active publishable key (tnd_pk_…) of the program as ?key=.");
        }
        if (origin != null) {
            if (!found.get().allows(origin)) {
                return problem(HttpStatus.FORBIDDEN, "forbidden", "Origin not allowed",
                        "This publishable key may only be used from the origins listed for it in Tandem.");
            }
            PublicLeadCorsFilter.allow(response, origin);
        }
        Program program = programs.get(found.get().workspaceId(), found.get().programId());
        return ResponseEntity.ok(new ConfigAnswer(program.attributionWindowDays()));
    }

    /** The active key with this value, if its program is active too (an archived program takes no leads). */
    private Optional<PublishableKey> usable(String key) {
        return keys.findActive(key).filter(k -> programs.get(k.workspaceId(), k.programId()).active());
    }

    /**
     * The page the form was on: as the snippet says, else as the referrer says (browsers often send
     * only the origin across sites), else the origin; only ever an address on the allowed origin.
     */
    private static String pageOf(String given, HttpServletRequest request, String origin) {
        for (String page : new String[] {given, request.getHeader(HttpHeaders.REFERER)}) {
            if (page != null && page.startsWith(origin + "/") && page.length() <= 500) {
                int query = page.indexOf('?');
                // the query may carry the click id or a visitor's details: the path is enough
                return query < 0 ? page : page.substring(0, query);
            }
        }
        return origin;
    }

    private static ResponseEntity<ProblemDetail> invalid(List<FieldProblem> problems) {
        ProblemDetail detail = detail(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", "Invalid input",
                problems.size() == 1 ? "One field is invalid." : problems.size() + " fields are invalid.");
        detail.setProperty("errors", problems.stream().map(p -> new FieldProblem(field(p.field()), p.message())).toList());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }

    // the intake names the customer's fields as the events API has them; the snippet's body is flat
    private static String field(String intakeField) {
        return intakeField.startsWith("customer.") ? intakeField.substring("customer.".length()) : intakeField;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String text) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail(status, type, title, text));
    }

    private static ProblemDetail detail(HttpStatus status, String type, String title, String text) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, text);
        detail.setType(URI.create(PROBLEMS + type));
        detail.setTitle(title);
        return detail;
    }
}
