package dev.tandem.referral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.tandem.partner.PartnerId;
import dev.tandem.tracking.LinkId;

/**
 * Why a partner got the credit (or nobody did), with every touchpoint seen and why it won or lost.
 * {@code partnerId} null means unattributed; {@code reason} says why in words.
 */
public record Attribution(String model, PartnerId partnerId, LinkId linkId, String reason, List<Touch> touchpoints) {

    public Attribution {
        touchpoints = touchpoints == null ? List.of() : List.copyOf(touchpoints);
    }

    /**
     * One hint weighed: {@code kind} click, code, coupon, deal, hint, referral or manual;
     * {@code outcome} "won", "lost" or "ignored" with {@code why} in words.
     */
    public record Touch(String kind, PartnerId partnerId, LinkId linkId, Instant at, String outcome, String why) {
    }

    /** The same explanation for one partner's eyes: other partners' ids and links are removed. */
    public Attribution forPartner(PartnerId viewer) {
        boolean theirs = Objects.equals(partnerId, viewer);
        List<Touch> trimmed = touchpoints.stream()
                .map(t -> Objects.equals(t.partnerId(), viewer) ? t
                        : new Touch(t.kind(), null, null, t.at(), t.outcome(), t.why()))
                .toList();
        // the reason names the winner's link, which is theirs to know, not the viewer's
        String why = theirs || partnerId == null ? reason : "another partner was credited";
        return new Attribution(model, theirs ? partnerId : null, theirs ? linkId : null, why, trimmed);
    }
}
