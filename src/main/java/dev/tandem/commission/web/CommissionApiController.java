package dev.tandem.commission.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.commission.Commission;
import dev.tandem.commission.CommissionId;
import dev.tandem.commission.CommissionStatus;
import dev.tandem.commission.CommissionViews;
import dev.tandem.commission.Commissions;
import dev.tandem.commission.CustomerReward;
import dev.tandem.core.InvalidRequestParameterException;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.ledger.Balance;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.ApiKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Commissions, balances and the ledger check through the API (API.md). */
@RestController
@Tag(name = "Commissions")
class CommissionApiController {

    private static final String REWARD_PREFIX = "crw";

    private final Commissions commissions;
    private final Partners partners;

    CommissionApiController(Commissions commissions, Partners partners) {
        this.commissions = commissions;
        this.partners = partners;
    }

    record Ids(List<String> ids, String reason) {
    }

    record AdjustmentBody(String programId, String partnerId, Long amount, String currency, String reason) {
    }

    @GetMapping("/api/v1/commissions")
    @Operation(summary = "The workspace's commissions, newest first; filter by partnerId, programId, status, tierId")
    Page<Map<String, Object>> list(@AuthenticationPrincipal ApiKeyPrincipal key,
            @RequestParam(required = false) String partnerId, @RequestParam(required = false) String programId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String tierId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter) {
        PageRequest page = PageRequest.of(limit, startingAfter, CommissionId.PREFIX);
        CommissionStatus s = status == null || status.isBlank() ? null : CommissionStatus.fromCode(status.trim())
                .orElseThrow(() -> new InvalidRequestParameterException("status",
                        "must be one of pending, hold, approved, paid, reversed, rejected"));
        Page<Commission> found = commissions.list(key.workspaceId(), new Commissions.Filter(
                partnerId == null || partnerId.isBlank() ? null : PartnerId.parse(partnerId.trim()),
                programId == null || programId.isBlank() ? null : ProgramId.parse(programId.trim()), s,
                tierId == null || tierId.isBlank() ? null : dev.tandem.program.TierId.parse(tierId.trim())), page);
        return new Page<>(found.data().stream().map(CommissionViews::view).toList(), found.hasMore());
    }

    @GetMapping("/api/v1/commissions/{id}")
    @Operation(summary = "A commission with its status history")
    Map<String, Object> get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        CommissionId cid = CommissionId.parse(id);
        Map<String, Object> view = CommissionViews.view(commissions.get(key.workspaceId(), cid));
        view.put("history", commissions.history(key.workspaceId(), cid).stream().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", h.from() == null ? null : h.from().code());
            m.put("to", h.to().code());
            m.put("reason", h.reason());
            m.put("by", h.actorName());
            m.put("at", h.at().toString());
            return m;
        }).toList());
        return view;
    }

    @PostMapping("/api/v1/commissions/approve")
    @Operation(summary = "Approve pending or held commissions now, before their hold period is over")
    Page<Map<String, Object>> approve(@AuthenticationPrincipal ApiKeyPrincipal key, @RequestBody Ids body) {
        return page(commissions.approve(key.workspaceId(), key.asActor(), ids(body), body.reason()));
    }

    @PostMapping("/api/v1/commissions/hold")
    @Operation(summary = "Hold commissions for review (reason required)")
    Page<Map<String, Object>> hold(@AuthenticationPrincipal ApiKeyPrincipal key, @RequestBody Ids body) {
        return page(commissions.hold(key.workspaceId(), key.asActor(), ids(body), body.reason()));
    }

    @PostMapping("/api/v1/commissions/release")
    @Operation(summary = "Release held commissions: approved if their hold period is over, else pending")
    Page<Map<String, Object>> release(@AuthenticationPrincipal ApiKeyPrincipal key, @RequestBody Ids body) {
        return page(commissions.release(key.workspaceId(), key.asActor(), ids(body)));
    }

    @PostMapping("/api/v1/commissions/reject")
    @Operation(summary = "Reject commissions for good (reason required; the partner reads it)")
    Page<Map<String, Object>> reject(@AuthenticationPrincipal ApiKeyPrincipal key, @RequestBody Ids body) {
        return page(commissions.reject(key.workspaceId(), key.asActor(), ids(body), body.reason()));
    }

    @PostMapping("/api/v1/commissions/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A manual bonus or correction (negative takes money back), payable at once")
    Map<String, Object> adjust(@AuthenticationPrincipal ApiKeyPrincipal key, @RequestBody AdjustmentBody body) {
        if (body.programId() == null || body.programId().isBlank()) {
            throw new dev.tandem.core.InvalidInputException("programId", "is required");
        }
        if (body.partnerId() == null || body.partnerId().isBlank()) {
            throw new dev.tandem.core.InvalidInputException("partnerId", "is required");
        }
        return CommissionViews.view(commissions.adjust(key.workspaceId(), key.asActor(),
                ProgramId.parse(body.programId().trim()), PartnerId.parse(body.partnerId().trim()), body.amount(),
                body.currency(), body.reason()));
    }

    @GetMapping("/api/v1/partners/{id}/balances")
    @Operation(summary = "The partner's balances per currency from the ledger: pending, approved (payable), paid")
    Page<Map<String, Object>> balances(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        PartnerId partner = PartnerId.parse(id);
        partners.get(key.workspaceId(), partner);
        return new Page<>(commissions.balances(key.workspaceId(), partner).stream().map(CommissionApiController::balance)
                .toList(), false);
    }

    @GetMapping("/api/v1/ledger/reconciliation")
    @Operation(summary = "Per partner and currency: the ledger's balances beside the commissions' sums, and whether they agree")
    Map<String, Object> reconciliation(@AuthenticationPrincipal ApiKeyPrincipal key) {
        List<Commissions.Reconciliation> lines = commissions.reconcile(key.workspaceId());
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("agrees", lines.stream().allMatch(Commissions.Reconciliation::agrees));
        map.put("data", lines.stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("partnerId", l.partner().toString());
            m.put("currency", l.currency().getCurrencyCode());
            m.put("ledger", Map.of("pending", l.ledgerPending(), "approved", l.ledgerPayable(), "paid", l.ledgerPaid()));
            m.put("commissions", Map.of("pending", l.commissionsPending(), "approved", l.commissionsApproved(),
                    "paid", l.commissionsPaid()));
            m.put("agrees", l.agrees());
            return m;
        }).toList());
        return map;
    }

    @GetMapping("/api/v1/customer-rewards")
    @Operation(summary = "What referred customers are owed in double-sided programs, newest first; open=true for those not honoured yet")
    Page<Map<String, Object>> customerRewards(@AuthenticationPrincipal ApiKeyPrincipal key,
            @RequestParam(required = false) Boolean open, @RequestParam(required = false) Integer limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter) {
        PageRequest page = PageRequest.of(limit, startingAfter, REWARD_PREFIX);
        Page<CustomerReward> found = commissions.customerRewards(key.workspaceId(), Boolean.TRUE.equals(open), page);
        return new Page<>(found.data().stream().map(CommissionApiController::reward).toList(), found.hasMore());
    }

    @PostMapping("/api/v1/customer-rewards/{id}/honour")
    @Operation(summary = "Record that the customer got their reward")
    Map<String, Object> honour(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return reward(commissions.honour(key.workspaceId(), key.asActor(), dev.tandem.core.Ids.parse(REWARD_PREFIX, id)));
    }

    private static Map<String, Object> reward(CustomerReward r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", dev.tandem.core.Ids.format(REWARD_PREFIX, r.id()));
        m.put("referralId", r.referralId().toString());
        m.put("programId", r.programId().toString());
        m.put("partnerId", r.partnerId().toString());
        m.put("description", r.description());
        m.put("createdAt", r.createdAt().toString());
        m.put("honouredAt", r.honouredAt() == null ? null : r.honouredAt().toString());
        m.put("honouredBy", r.honouredBy());
        return m;
    }

    static Map<String, Object> balance(Balance b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("currency", b.currency().getCurrencyCode());
        m.put("pending", b.pending().amount());
        m.put("approved", b.payable().amount());
        m.put("inPayout", b.inTransit().amount());
        m.put("paid", b.paid().amount());
        return m;
    }

    private static List<CommissionId> ids(Ids body) {
        if (body == null || body.ids() == null || body.ids().isEmpty()) {
            throw dev.tandem.core.InvalidInputException.of("ids", "commission.error.noneChosen",
                    "choose at least one commission");
        }
        return body.ids().stream().map(s -> CommissionId.parse(s == null ? "" : s.trim())).toList();
    }

    private static Page<Map<String, Object>> page(List<Commission> done) {
        return new Page<>(done.stream().map(CommissionViews::view).toList(), false);
    }
}
