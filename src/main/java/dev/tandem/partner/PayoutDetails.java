package dev.tandem.partner;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.tandem.partner.internal.PartnerRepository;
import dev.tandem.core.AtRestCipher;
import dev.tandem.partner.internal.PayoutDetailsRepository;
import dev.tandem.core.NotFoundException;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * How each partner is paid. The details are validated (IBAN checksum and length, BIC form, PayPal
 * email, Stripe account id), stored encrypted (AES-GCM), and only a masked summary is ever shown.
 * The clear values leave this class only through {@link #reveal}, for paying the partner.
 */
@Service
public class PayoutDetails {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PayoutDetailsRepository repository;
    private final AtRestCipher cipher;
    private final PartnerRepository partners;
    private final Onboarding onboarding;
    private final AuditLog audit;
    private final AccountNotices notices;
    private final Clock clock;

    PayoutDetails(PayoutDetailsRepository repository, AtRestCipher cipher, PartnerRepository partners,
            Onboarding onboarding, AuditLog audit, AccountNotices notices, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.partners = partners;
        this.onboarding = onboarding;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Replaces the partner's payout details after checking them.
     *
     * @throws dev.tandem.core.InvalidInputException naming each invalid field (e.g. {@code iban}: checksum does not match)
     * @throws NotFoundException if the workspace has no such partner
     */
    @Transactional
    public PayoutDetailsSummary save(WorkspaceId workspace, Actor by, PartnerId partner, PayoutDetailsInput input) {
        Partner who = partners.find(workspace, partner).orElseThrow(() -> new NotFoundException("no partner " + partner));
        PayoutDetailsInput clean = PayoutDetailsRules.checked(input);
        String summary = PayoutDetailsRules.summary(clean);
        repository.save(workspace, partner, clean.method(), cipher.encrypt(serialise(clean), context(workspace, partner)), summary, clock.instant());
        audit.record(workspace, by, "payout_details.updated", partner.toString(),
                Map.of("method", clean.method(), "summary", summary));
        onboarding.systemDone(workspace, partner, OnboardingStepKind.ADD_PAYOUT_DETAILS);
        notices.tell(workspace, who, "email.account-changed.payout", summary);
        return repository.summary(workspace, partner).orElseThrow();
    }

    /** What may be shown: the method and the masked summary. */
    public Optional<PayoutDetailsSummary> summary(WorkspaceId workspace, PartnerId partner) {
        return repository.summary(workspace, partner);
    }

    /** The clear details, decrypted: for paying the partner, never for showing. */
    public Optional<PayoutDetailsInput> reveal(WorkspaceId workspace, PartnerId partner) {
        return repository.find(workspace, partner).map(stored -> deserialise(cipher.decrypt(stored.encrypted(), context(workspace, partner))));
    }

    private static byte[] serialise(PayoutDetailsInput input) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("type", input.method());
        if (input instanceof PayoutDetailsInput.Sepa sepa) {
            values.put("holderName", sepa.holderName());
            values.put("iban", sepa.iban());
            values.put("bic", sepa.bic());
        } else if (input instanceof PayoutDetailsInput.PayPal payPal) {
            values.put("email", payPal.email());
        } else if (input instanceof PayoutDetailsInput.Stripe stripe) {
            values.put("accountId", stripe.accountId());
        }
        return JSON.writeValueAsString(values).getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static PayoutDetailsInput deserialise(byte[] json) {
        Map<String, String> values = JSON.readValue(new String(json, StandardCharsets.UTF_8), Map.class);
        return switch (values.get("type")) {
            case "sepa" -> new PayoutDetailsInput.Sepa(values.get("holderName"), values.get("iban"), values.get("bic"));
            case "paypal" -> new PayoutDetailsInput.PayPal(values.get("email"));
            case "stripe" -> new PayoutDetailsInput.Stripe(values.get("accountId"));
            default -> new PayoutDetailsInput.Manual();
        };
    }

    /** What a stored value is bound to: it decrypts on this partner's row only. */
    private static String context(WorkspaceId workspace, PartnerId partner) {
        return "payout-details:" + workspace.value() + ":" + partner.value();
    }
}
