package dev.tandem.referral.internal;

import java.time.Instant;

import dev.tandem.partner.PartnerId;
import dev.tandem.referral.Attribution;
import dev.tandem.referral.EventId;
import dev.tandem.tracking.LinkId;

/**
 * A touch attribution weighs: seen with this event ({@code current}) or stored from an earlier one.
 * Mutable only while one decision is being made; its outcome becomes part of the explanation.
 */
final class Candidate {

    final String kind;
    final PartnerId partner;
    final LinkId link;
    final Instant at;
    final EventId event;
    final boolean current;
    /** what the business sent, for the explanation: the slug of a click's link, the code as typed */
    final String label;
    String outcome;
    String why;

    Candidate(String kind, PartnerId partner, LinkId link, Instant at, EventId event, boolean current, String label) {
        this.kind = kind;
        this.partner = partner;
        this.link = link;
        this.at = at;
        this.event = event;
        this.current = current;
        this.label = label;
    }

    static Candidate of(TouchpointRepository.Touchpoint t) {
        return new Candidate(t.kind(), t.partner(), t.link(), t.seenAt(), t.event(), false, null);
    }

    boolean clickOrCode() {
        return kind.equals("click") || kind.equals("code") || kind.equals("coupon");
    }

    int tier() {
        return switch (kind) {
            case "click", "code", "coupon" -> 1;
            case "deal" -> 2;
            default -> 3;
        };
    }

    boolean sameAs(TouchpointRepository.Touchpoint t) {
        return kind.equals(t.kind()) && partner.equals(t.partner()) && java.util.Objects.equals(link, t.link())
                && at.equals(t.seenAt());
    }

    TouchpointRepository.Touchpoint toTouchpoint() {
        return new TouchpointRepository.Touchpoint(kind, partner, link, at, event);
    }

    Attribution.Touch toTouch() {
        return new Attribution.Touch(kind, partner, link, at, outcome, why);
    }

    void set(String outcome, String why) {
        this.outcome = outcome;
        this.why = why;
    }
}
