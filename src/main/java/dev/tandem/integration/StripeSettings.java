package dev.tandem.integration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.integration.internal.AccountRepository;
import dev.tandem.integration.internal.ReceivedEventRepository;
import dev.tandem.tracking.ReferralCode;
import dev.tandem.tracking.TrackingLookup;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's Stripe set-up as managers see and change it: the webhook endpoint (made on first
 * look, with an unguessable key), its signing secret, the promotion codes that stand for partners'
 * coupons, and the latest events Stripe sent.
 */
@Service
public class StripeSettings {

    /** How many received events the page lists. */
    public static final int RECENT_EVENTS = 50;

    private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]{16,200}");
    private static final Pattern PROMOTION_CODE = Pattern.compile("promo_[A-Za-z0-9]{1,100}");
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final ReceivedEventRepository received;
    private final TrackingLookup tracking;
    private final AuditLog audit;
    private final Clock clock;

    StripeSettings(AccountRepository accounts, ReceivedEventRepository received, TrackingLookup tracking,
            AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.received = received;
        this.tracking = tracking;
        this.audit = audit;
        this.clock = clock;
    }

    /** The workspace's Stripe account, made with a new endpoint key the first time anyone asks. */
    @Transactional
    public StripeAccount account(WorkspaceId workspace) {
        Optional<StripeAccount> account = accounts.find(workspace);
        if (account.isPresent()) {
            return account.get();
        }
        accounts.insertIfAbsent(workspace, endpointKey(), clock.instant());
        return accounts.find(workspace).orElseThrow();
    }

    /**
     * Sets or replaces the endpoint's signing secret, as Stripe shows it ({@code whsec_…}).
     *
     * @throws InvalidInputException naming {@code signingSecret} when it is not one
     */
    @Transactional
    public StripeAccount setSigningSecret(WorkspaceId workspace, Actor by, String secret) {
        String trimmed = secret == null ? "" : secret.trim();
        if (trimmed.isEmpty()) {
            throw InvalidInputException.of("signingSecret", "validation.required", "is required");
        }
        if (!SECRET.matcher(trimmed).matches()) {
            throw InvalidInputException.of("signingSecret", "integration.error.secretFormat",
                    "must be the endpoint's signing secret from Stripe: whsec_ followed by letters and digits");
        }
        StripeAccount before = account(workspace);
        accounts.setSigningSecret(workspace, trimmed, clock.instant());
        StripeAccount after = accounts.find(workspace).orElseThrow();
        audit.record(workspace, by, before.configured() ? "stripe.secret_replaced" : "stripe.secret_set", null,
                Map.of("secret", after.maskedSecret()));
        return after;
    }

    /**
     * Lets a Stripe promotion code stand for a Tandem coupon or referral code (which names the
     * partner); a promotion code mapped before is moved to the new code.
     *
     * @throws InvalidInputException naming {@code promotionCode} and/or {@code code}
     */
    @Transactional
    public PromotionCodeMapping mapPromotionCode(WorkspaceId workspace, Actor by, String promotionCodeId, String code) {
        List<FieldProblem> problems = new ArrayList<>();
        String promotion = promotionCodeId == null ? "" : promotionCodeId.trim();
        if (promotion.isEmpty()) {
            problems.add(new FieldProblem("promotionCode", "is required", "validation.required"));
        } else if (!PROMOTION_CODE.matcher(promotion).matches()) {
            problems.add(new FieldProblem("promotionCode", "must be a Stripe promotion code id (promo_…)",
                    "integration.error.promotionCodeFormat"));
        }
        Optional<ReferralCode> known = tracking.code(workspace, code);
        if (code == null || code.isBlank()) {
            problems.add(new FieldProblem("code", "is required", "validation.required"));
        } else if (known.isEmpty()) {
            problems.add(new FieldProblem("code", "names no coupon or referral code of this workspace",
                    "integration.error.unknownCode"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String canonical = known.get().code();
        Instant now = clock.instant();
        accounts.mapPromotionCode(workspace, promotion, canonical, now);
        audit.record(workspace, by, "stripe.promotion_code_mapped", null, Map.of("promotionCode", promotion,
                "code", canonical));
        return new PromotionCodeMapping(promotion, canonical, now);
    }

    @Transactional
    public void unmapPromotionCode(WorkspaceId workspace, Actor by, String promotionCodeId) {
        if (!accounts.unmapPromotionCode(workspace, promotionCodeId)) {
            throw new NotFoundException("no promotion code " + promotionCodeId + " is mapped");
        }
        audit.record(workspace, by, "stripe.promotion_code_unmapped", null, Map.of("promotionCode", promotionCodeId));
    }

    /** Newest first. */
    public List<PromotionCodeMapping> promotionCodes(WorkspaceId workspace) {
        return accounts.promotionCodes(workspace);
    }

    /** The latest {@link #RECENT_EVENTS} events Stripe sent, newest first. */
    public List<ReceivedStripeEvent> recentEvents(WorkspaceId workspace) {
        return received.latest(workspace, RECENT_EVENTS);
    }

    private static String endpointKey() {
        StringBuilder key = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }
}
