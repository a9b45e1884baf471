package dev.tandem.integration.internal;

import java.util.List;

import dev.tandem.integration.ReceivedStripeEvent.Outcome;
import dev.tandem.referral.EventId;

/** What became of one Stripe event: the Tandem events it was recorded as, or why none. */
public record Handled(Outcome outcome, List<EventId> events, String reason) {

    static Handled recorded(List<EventId> events, String reason) {
        return new Handled(Outcome.RECORDED, List.copyOf(events), reason);
    }

    static Handled ignored(String reason) {
        return new Handled(Outcome.IGNORED, List.of(), reason);
    }

    static Handled failed(String reason) {
        return new Handled(Outcome.FAILED, List.of(), reason);
    }
}
