package dev.tandem.referral.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

import dev.tandem.core.InvalidRequestParameterException;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.referral.ClaimId;
import dev.tandem.referral.ClaimStatus;
import dev.tandem.referral.Claims;
import dev.tandem.referral.ReferralClaim;
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

/** Missing-referral claims through the API: the queue, and accepting or declining with a reason. */
@RestController
@Tag(name = "Missing-referral claims")
class ClaimApiController {

    private final Claims claims;

    ClaimApiController(Claims claims) {
        this.claims = claims;
    }

    record ClaimDecisionBody(String reason) {
    }

    record ClaimView(String id, String programId, String programName, String partnerId, String partnerName,
            String customerEmail, String customerName, String evidence, String status, String decisionReason,
            String decidedBy, Instant decidedAt, String referralId, Instant createdAt) {
        static ClaimView of(Claims.Row row) {
            ReferralClaim c = row.claim();
            return new ClaimView(c.id().toString(), c.programId().toString(), row.programName(),
                    c.partnerId().toString(), row.partnerName(), c.customerEmail(), c.customerName(), c.evidence(),
                    c.status().code(), c.decisionReason(), c.decidedBy(), c.decidedAt(),
                    c.referralId() == null ? null : c.referralId().toString(), c.createdAt());
        }
    }

    @GetMapping("/api/v1/claims")
    @Operation(summary = "Missing-referral claims, newest first",
            description = "Filter with `status` (submitted, accepted, declined); page with `limit` (1–100, default 20)"
                    + " and `starting_after` (the last claim id of the previous page).")
    Page<ClaimView> list(@AuthenticationPrincipal ApiKeyPrincipal key,
            @Parameter(description = "only claims in this status") @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter) {
        ClaimStatus filter = null;
        if (status != null && !status.isBlank()) {
            filter = ClaimStatus.fromCode(status.trim()).orElseThrow(() -> new InvalidRequestParameterException(
                    "status", "must be one of " + Arrays.stream(ClaimStatus.values()).map(ClaimStatus::code)
                            .collect(Collectors.joining(", "))));
        }
        return claims.list(key.workspaceId(), filter, PageRequest.of(limit, startingAfter, ClaimId.PREFIX))
                .map(ClaimView::of);
    }

    @GetMapping("/api/v1/claims/{id}")
    @Operation(summary = "A missing-referral claim with its evidence and decision")
    ClaimView get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return ClaimView.of(claims.get(key.workspaceId(), ClaimId.parse(id)));
    }

    @PostMapping("/api/v1/claims/{id}/accept")
    @Operation(summary = "Accept a submitted claim: the customer is credited to the claiming partner",
            description = "Creates the customer's referral for the partner or re-attributes the existing one"
                    + " (`attributedBy: claim`); later events and commissions follow it. `referralId` in the answer"
                    + " is that referral. `reason` is an optional note the partner reads. 409 when the claim is no"
                    + " longer submitted.")
    ClaimView accept(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody(required = false) ClaimDecisionBody body) {
        return ClaimView.of(claims.accept(key.workspaceId(), key.asActor(), ClaimId.parse(id),
                body == null ? null : body.reason()));
    }

    @PostMapping("/api/v1/claims/{id}/decline")
    @Operation(summary = "Decline a submitted claim",
            description = "`reason` is required: the partner is emailed it. 409 when the claim is no longer submitted.")
    ClaimView decline(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody(required = false) ClaimDecisionBody body) {
        return ClaimView.of(claims.decline(key.workspaceId(), key.asActor(), ClaimId.parse(id),
                body == null ? null : body.reason()));
    }
}
