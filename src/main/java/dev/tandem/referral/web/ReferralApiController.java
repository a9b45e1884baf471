package dev.tandem.referral.web;

import java.util.Arrays;
import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.core.InvalidRequestParameterException;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.Referral;
import dev.tandem.referral.ReferralId;
import dev.tandem.referral.ReferralStatus;
import dev.tandem.referral.Referrals;
import dev.tandem.referral.internal.ApiViews;
import dev.tandem.workspace.ApiKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Referrals through the API: read one with its attribution and history, list, move in the pipeline. */
@RestController
@Tag(name = "Referrals")
class ReferralApiController {

    private final Referrals referrals;

    ReferralApiController(Referrals referrals) {
        this.referrals = referrals;
    }

    record StatusBody(String status, String reason) {
    }

    @GetMapping("/api/v1/referrals/{id}")
    @Operation(summary = "A referral: its partner, program, customer, status, attribution and history",
            description = "`status` is lead, qualified, customer, churned or lost. `attribution` (`partnerId`,"
                    + " `linkId`, `model`, `reason`) is that of the latest event that credited the partner, null when a"
                    + " person credited them without one. `history` lists every status change, oldest first.")
    Map<String, Object> get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return view(key, referrals.get(key.workspaceId(), ReferralId.parse(id)));
    }

    @GetMapping("/api/v1/referrals")
    @Operation(summary = "Referrals, newest first",
            description = "Filter with `partnerId`, `programId`, `status`, and `q` (part of the customer's email, name,"
                    + " external id or company); page with `limit` (1–100, default 20) and `starting_after`.")
    Page<Map<String, Object>> list(@AuthenticationPrincipal ApiKeyPrincipal key,
            @RequestParam(name = "partnerId", required = false) String partnerId,
            @RequestParam(name = "programId", required = false) String programId,
            @Parameter(description = "lead, qualified, customer, churned or lost") @RequestParam(name = "status", required = false) String status,
            @Parameter(description = "search in the customer's email, name, external id, company") @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter) {
        Referrals.Filter filter = new Referrals.Filter(
                blank(programId) ? null : param("programId", () -> ProgramId.parse(programId.trim())),
                blank(partnerId) ? null : param("partnerId", () -> PartnerId.parse(partnerId.trim())),
                blank(status) ? null : ReferralStatus.fromCode(status.trim()).orElseThrow(
                        () -> new InvalidRequestParameterException("status", "must be one of " + statuses())),
                blank(q) ? null : q.trim());
        return referrals.list(key.workspaceId(), filter, PageRequest.of(limit, startingAfter, ReferralId.PREFIX))
                .map(row -> {
                    Map<String, Object> view = ApiViews.referralRow(row.referral(), row.customer());
                    view.put("partnerName", row.partnerName());
                    view.put("programName", row.programName());
                    return view;
                });
    }

    @PostMapping("/api/v1/referrals/{id}/status")
    @Operation(summary = "Move a referral in the pipeline by hand",
            description = "Allowed: lead → qualified or lost, qualified → lost, customer → churned, churned → customer,"
                    + " lost → lead (reopen). `reason` is required for lost and churned. Anything else answers 422"
                    + " naming the statuses allowed.")
    Map<String, Object> move(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody StatusBody body) {
        ReferralStatus to = blank(body.status()) ? null : ReferralStatus.fromCode(body.status().trim()).orElseThrow(
                () -> InvalidInputException.of("status", "validation.invalid", "must be one of " + statuses()));
        return view(key, referrals.move(key.workspaceId(), key.asActor(), ReferralId.parse(id), to, body.reason()));
    }

    private Map<String, Object> view(ApiKeyPrincipal key, Referral r) {
        return ApiViews.referral(r, referrals.customer(key.workspaceId(), r.customerId()),
                referrals.attribution(key.workspaceId(), r), referrals.history(key.workspaceId(), r.id()));
    }

    private static <T> T param(String name, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException malformed) {
            throw new InvalidRequestParameterException(name, malformed.getMessage());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String statuses() {
        return String.join(", ", Arrays.stream(ReferralStatus.values()).map(ReferralStatus::code).toList());
    }
}
