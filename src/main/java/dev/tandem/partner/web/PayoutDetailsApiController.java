package dev.tandem.partner.web;

import java.time.Instant;

import dev.tandem.core.NotFoundException;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.PayoutDetails;
import dev.tandem.partner.PayoutDetailsInput;
import dev.tandem.partner.PayoutDetailsSummary;
import dev.tandem.workspace.ApiKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's payout method through the API (API.md): validated like the portal's form, stored
 * encrypted, and answered only as a masked summary, never the clear values.
 */
@RestController
@Tag(name = "Partners")
class PayoutDetailsApiController {

    private final PayoutDetails payoutDetails;

    PayoutDetailsApiController(PayoutDetails payoutDetails) {
        this.payoutDetails = payoutDetails;
    }

    /** One of {@code {"type": "sepa", "holderName", "iban", "bic"}}, paypal ({@code email}), stripe ({@code accountId}) or manual. */
    record PayoutMethodBody(String type, String holderName, String iban, String bic, String email, String accountId) {
    }

    record PayoutMethodView(String partnerId, String type, String summary, Instant updatedAt) {
        static PayoutMethodView of(PayoutDetailsSummary s) {
            return new PayoutMethodView(s.partnerId().toString(), s.method(), s.summary(), s.updatedAt());
        }
    }

    @PutMapping("/api/v1/partners/{partnerId}/payout-method")
    @Operation(summary = "Set how a partner is paid (IBAN checksum and BIC form are checked); answers a masked summary")
    PayoutMethodView put(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String partnerId,
            @RequestBody PayoutMethodBody body) {
        PayoutDetailsInput input = PayoutDetailsInput.of(body.type(), body.holderName(), body.iban(), body.bic(),
                body.email(), body.accountId());
        return PayoutMethodView.of(payoutDetails.save(key.workspaceId(), key.asActor(), PartnerId.parse(partnerId), input));
    }

    @GetMapping("/api/v1/partners/{partnerId}/payout-method")
    @Operation(summary = "How a partner is paid, as a masked summary")
    PayoutMethodView get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String partnerId) {
        PartnerId id = PartnerId.parse(partnerId);
        return payoutDetails.summary(key.workspaceId(), id).map(PayoutMethodView::of)
                .orElseThrow(() -> new NotFoundException("partner " + id + " has no payout method"));
    }
}
