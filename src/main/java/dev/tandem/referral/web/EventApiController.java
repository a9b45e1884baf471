package dev.tandem.referral.web;

import java.util.List;
import java.util.Map;

import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.PartnerId;
import dev.tandem.referral.EventId;
import dev.tandem.referral.EventSource;
import dev.tandem.referral.Intake;
import dev.tandem.referral.Referrals;
import dev.tandem.referral.internal.ApiViews;
import dev.tandem.workspace.ApiKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The event intake (API.md "Event intake"), the events it stored, and hand assignment of unattributed ones. */
@RestController
@Tag(name = "Events")
class EventApiController {

    private final Intake intake;
    private final Referrals referrals;

    EventApiController(Intake intake, Referrals referrals) {
        this.intake = intake;
        this.referrals = referrals;
    }

    record AssignBody(String partnerId, String reason) {
    }

    /** The shape of the answer, for the OpenAPI description (the answer itself is the text stored with the event). */
    record AnswerDoc(String id, String externalId, String type, Map<String, Object> referral, AttributionDoc attribution,
            List<Map<String, Object>> commissions) {
    }

    record AttributionDoc(String partnerId, String linkId, String model, String reason) {
    }

    @PostMapping("/api/v1/events")
    @Operation(summary = "Report what happened to a referred customer: lead, qualified, sale, refund or chargeback",
            description = "`id` is your own id for the event, unique in the workspace: sending it again answers 200 with"
                    + " the first answer and counts nothing twice; the same id with a different body answers 409."
                    + " Attribution hints, strongest first: `clickId`, `code`, `partnerId`; without any, the customer's"
                    + " existing referral (by `customer.externalId`, then `email`). `programId` is needed only when the"
                    + " workspace has several programs and nothing else names one. A sale or refund carries `amount`"
                    + " (minor units) and `currency`; a refund or chargeback names the sale in `refundOf` and may be"
                    + " partial. Answers 201 with the event `id` (`evt_…`), the `referral` (or null), the `attribution`"
                    + " (`partnerId`, `linkId`, `model`, `reason` in words) and the `commissions` it created. An event"
                    + " nobody can be credited for is stored all the same (see `GET /api/v1/events?unattributed=true`)."
                    + " 422 lists every invalid field.")
    @ApiResponse(responseCode = "201", description = "stored (200: the same event again, answered as the first time)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AnswerDoc.class)))
    ResponseEntity<String> record(@AuthenticationPrincipal ApiKeyPrincipal key,
            @RequestBody EventBodies.EventBody body) {
        EventBodies.Read read = EventBodies.read(body);
        Intake.Answered answered = intake.answer(key.workspaceId(), key.asActor(), read.input(), EventSource.API,
                read.problems());
        return ResponseEntity.status(answered.replayed() ? 200 : 201)
                .contentType(MediaType.APPLICATION_JSON)
                .body(answered.answerJson());
    }

    @GetMapping("/api/v1/events/{id}")
    @Operation(summary = "An event as stored, with its whole attribution explanation",
            description = "`attribution.touchpoints` lists every click, code, deal or hint weighed, each `won`, `lost`"
                    + " or `ignored` with the reason why.")
    Map<String, Object> get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return ApiViews.event(referrals.event(key.workspaceId(), EventId.parse(id)));
    }

    @GetMapping("/api/v1/events")
    @Operation(summary = "Events, newest first; `unattributed=true` lists only those nobody is credited for",
            description = "Page with `limit` (1–100, default 20) and `starting_after` (the last event id of the previous page).")
    Page<Map<String, Object>> list(@AuthenticationPrincipal ApiKeyPrincipal key,
            @Parameter(description = "only events nobody is credited for") @RequestParam(name = "unattributed", required = false) Boolean unattributed,
            @RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter) {
        PageRequest page = PageRequest.of(limit, startingAfter, EventId.PREFIX);
        return (Boolean.TRUE.equals(unattributed) ? referrals.unattributed(key.workspaceId(), page)
                : referrals.allEvents(key.workspaceId(), page)).map(ApiViews::event);
    }

    @PostMapping("/api/v1/events/{id}/assign")
    @Operation(summary = "Credit an unattributed event to a partner by hand",
            description = "Creates or moves the customer's referral in the event's program to the partner (who must be"
                    + " approved there), records a `manual` touch in the explanation, and credits the event's refunds"
                    + " too. 409 if the event is credited already or is itself a refund.")
    Map<String, Object> assign(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody AssignBody body) {
        PartnerId partner = null;
        if (body.partnerId() != null && !body.partnerId().isBlank()) {
            try {
                partner = PartnerId.parse(body.partnerId().trim());
            } catch (IllegalArgumentException malformed) {
                throw dev.tandem.core.InvalidInputException.of("partnerId", "validation.invalid",
                        "must be a partner id (ptr_…)");
            }
        }
        return ApiViews.event(intake.assign(key.workspaceId(), key.asActor(), EventId.parse(id), partner, body.reason()));
    }
}
