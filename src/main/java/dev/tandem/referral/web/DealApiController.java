package dev.tandem.referral.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.tandem.core.InvalidRequestParameterException;
import dev.tandem.core.Money;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.referral.DealConflict;
import dev.tandem.referral.DealId;
import dev.tandem.referral.DealRegistration;
import dev.tandem.referral.DealStatus;
import dev.tandem.referral.Deals;
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

/** Deal registrations through the API: the queue, and accepting or rejecting with a reason. */
@RestController
@Tag(name = "Deal registrations")
class DealApiController {

    private final Deals deals;

    DealApiController(Deals deals) {
        this.deals = deals;
    }

    record DealDecisionBody(String reason) {
    }

    record DealValueView(long amount, String currency) {
        static DealValueView of(Money money) {
            return money == null ? null : new DealValueView(money.amount(), money.currency().getCurrencyCode());
        }
    }

    record DealCustomerConflictView(String referralId, String partnerId, String partnerName, Instant since) {
    }

    record DealOverlapView(String dealId, String partnerId, String partnerName, Instant registeredAt,
            String match) {
    }

    record DealConflictView(DealCustomerConflictView customer, List<DealOverlapView> registrations) {
        static DealConflictView of(DealConflict c) {
            if (c == null) {
                return null;
            }
            DealConflict.Customer k = c.customer();
            return new DealConflictView(k == null ? null : new DealCustomerConflictView(
                    k.referralId() == null ? null : k.referralId().toString(),
                    k.partnerId() == null ? null : k.partnerId().toString(), k.partnerName(), k.since()),
                    c.registrations().stream().map(r -> new DealOverlapView(r.dealId().toString(),
                            r.partnerId().toString(), r.partnerName(), r.registeredAt(), r.match())).toList());
        }
    }

    record DealView(String id, String programId, String programName, String partnerId, String partnerName,
            String company, String contactName, String email, DealValueView expectedValue, String notes, String status,
            String decisionReason, DealConflictView conflict, String decidedBy, Instant decidedAt, String customerId,
            Instant createdAt) {
        static DealView of(Deals.Row row) {
            DealRegistration d = row.deal();
            return new DealView(d.id().toString(), d.programId().toString(), row.programName(),
                    d.partnerId().toString(), row.partnerName(), d.company(), d.contactName(), d.email(),
                    DealValueView.of(d.expectedValue()), d.notes(), d.status().code(), d.decisionReason(),
                    DealConflictView.of(d.conflict()), d.decidedBy(), d.decidedAt(),
                    d.customerId() == null ? null : d.customerId().toString(), d.createdAt());
        }
    }

    @GetMapping("/api/v1/deals")
    @Operation(summary = "Deal registrations, newest first",
            description = "Filter with `status` (submitted, accepted, rejected, expired); page with `limit` (1–100,"
                    + " default 20) and `starting_after` (the last deal id of the previous page). `conflict` says"
                    + " what the registration overlapped with when it was submitted: the prospect already a referred"
                    + " customer (`customer`), or other partners' registrations of the same email or company domain"
                    + " within the attribution window (`registrations`).")
    Page<DealView> list(@AuthenticationPrincipal ApiKeyPrincipal key,
            @Parameter(description = "only registrations in this status") @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter) {
        DealStatus filter = null;
        if (status != null && !status.isBlank()) {
            filter = DealStatus.fromCode(status.trim()).orElseThrow(() -> new InvalidRequestParameterException(
                    "status", "must be one of " + Arrays.stream(DealStatus.values()).map(DealStatus::code)
                            .collect(Collectors.joining(", "))));
        }
        return deals.list(key.workspaceId(), filter, PageRequest.of(limit, startingAfter, DealId.PREFIX))
                .map(DealView::of);
    }

    @GetMapping("/api/v1/deals/{id}")
    @Operation(summary = "A deal registration with its conflicts and decision")
    DealView get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return DealView.of(deals.get(key.workspaceId(), DealId.parse(id)));
    }

    @PostMapping("/api/v1/deals/{id}/accept")
    @Operation(summary = "Accept a submitted deal registration",
            description = "From now on attribution counts it as a `deal` touchpoint for that email. `reason` is an"
                    + " optional note the partner reads (at most 1000 characters). The partner is emailed."
                    + " 409 when the registration is no longer submitted.")
    DealView accept(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody(required = false) DealDecisionBody body) {
        return DealView.of(deals.accept(key.workspaceId(), key.asActor(), DealId.parse(id),
                body == null ? null : body.reason()));
    }

    @PostMapping("/api/v1/deals/{id}/reject")
    @Operation(summary = "Reject a submitted deal registration",
            description = "`reason` is required: the partner is emailed it. 409 when the registration is no longer"
                    + " submitted.")
    DealView reject(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody(required = false) DealDecisionBody body) {
        return DealView.of(deals.reject(key.workspaceId(), key.asActor(), DealId.parse(id),
                body == null ? null : body.reason()));
    }
}
