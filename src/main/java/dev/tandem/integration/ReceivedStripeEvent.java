package dev.tandem.integration;

import java.time.Instant;
import java.util.List;

import dev.tandem.referral.EventId;

/** A Stripe event as received, and what became of it: the Tandem events it was recorded as, or why none. */
public record ReceivedStripeEvent(String stripeEventId, String type, Instant receivedAt, Outcome outcome,
        List<EventId> events, String reason) {

    /** {@code failed} is shown to managers: something in Stripe has no counterpart in Tandem (yet). */
    public enum Outcome {
        RECORDED("recorded"), IGNORED("ignored"), FAILED("failed");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        /** The word used in the database and in message keys. */
        public String code() {
            return code;
        }

        public static Outcome fromCode(String code) {
            for (Outcome o : values()) {
                if (o.code.equals(code)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown outcome " + code);
        }
    }
}
