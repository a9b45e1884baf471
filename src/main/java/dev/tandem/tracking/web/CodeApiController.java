package dev.tandem.tracking.web;

import java.time.Instant;

import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.tracking.CodeId;
import dev.tandem.tracking.Codes;
import dev.tandem.tracking.ReferralCode;
import dev.tandem.workspace.ApiKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

/** Referral codes and coupon codes through the API: map a coupon to a partner, list codes, switch one off. */
@RestController
@Tag(name = "Codes", description = "Referral codes and coupon codes that credit a partner without a click")
class CodeApiController {

    private final Codes codes;

    CodeApiController(Codes codes) {
        this.codes = codes;
    }

    record NewCouponBody(String programId, String partnerId, String code, String description) {
    }

    /** A code: {@code kind} is referral (made by Tandem for the partner) or coupon (the business's discount code). */
    record CodeView(String id, String code, String kind, String partnerId, String programId, String description,
            String status, Instant createdAt) {
        static CodeView of(ReferralCode c) {
            return new CodeView(c.id().toString(), c.code(), c.kind().code(), c.partnerId().toString(),
                    c.programId().toString(), c.description(), c.enabled() ? "active" : "disabled", c.createdAt());
        }
    }

    @PostMapping("/api/v1/coupons")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Map a coupon code to a partner",
            description = "The business's discount code (e.g. SPRING25: letters, digits, - and _, 3–32) credits the"
                    + " partner, who must be approved in the program, when a checkout sends it. Codes are unique per"
                    + " workspace whatever the case, referral codes included: a taken code answers 422 on `code`."
                    + " `description` (what the customer gets) is at most 200 characters.")
    CodeView addCoupon(@AuthenticationPrincipal ApiKeyPrincipal key, @RequestBody NewCouponBody body) {
        return CodeView.of(codes.addCoupon(key.workspaceId(), key.asActor(), new Codes.NewCoupon(
                TrackingIds.field(body.programId(), "programId", ProgramId.PREFIX, ProgramId::parse),
                TrackingIds.field(body.partnerId(), "partnerId", PartnerId.PREFIX, PartnerId::parse),
                body.code(), body.description())));
    }

    @GetMapping("/api/v1/codes")
    @Operation(summary = "Referral codes and coupons, newest first",
            description = "Filter with `partnerId` and/or `programId`; page with `limit` (1–100, default 20) and"
                    + " `starting_after` (the last code id of the previous page).")
    Page<CodeView> list(@AuthenticationPrincipal ApiKeyPrincipal key,
            @Parameter(description = "only this partner's codes") @RequestParam(name = "partnerId", required = false) String partnerId,
            @Parameter(description = "only this program's codes") @RequestParam(name = "programId", required = false) String programId,
            @RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter) {
        return codes.page(key.workspaceId(),
                TrackingIds.parameter(programId, "programId", ProgramId.PREFIX, ProgramId::parse),
                TrackingIds.parameter(partnerId, "partnerId", PartnerId.PREFIX, PartnerId::parse),
                PageRequest.of(limit, startingAfter, CodeId.PREFIX)).map(CodeView::of);
    }

    @GetMapping("/api/v1/codes/{id}")
    @Operation(summary = "A referral or coupon code")
    CodeView get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return CodeView.of(codes.get(key.workspaceId(), CodeId.parse(id)));
    }

    @PostMapping("/api/v1/codes/{id}/disable")
    @Operation(summary = "Switch a code off", description = "It no longer credits its partner. A partner whose"
            + " referral code is switched off gets a new one the next time they open their links.")
    CodeView disable(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return CodeView.of(codes.disable(key.workspaceId(), key.asActor(), CodeId.parse(id)));
    }
}
