package dev.tandem.referral.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import dev.tandem.partner.PartnerId;
import dev.tandem.program.AttributionModel;
import dev.tandem.referral.EventId;
import dev.tandem.referral.EventType;
import dev.tandem.referral.Referral;
import dev.tandem.tracking.LinkId;

/**
 * The rules that pick the partner among the touches of one customer in one program, and say why
 * in words. Strongest first: a click or code (the model picks the earliest or latest within the
 * window; a click outranks a code sent with the same event), then an accepted deal registration,
 * then a partner named in the event, then the customer's existing referral. A customer bound to
 * a partner (lifetime binding after the first sale, or a hand assignment) stays with them.
 */
final class Weighing {

    static final String WON = "won";
    static final String LOST = "lost";
    static final String IGNORED = "ignored";
    private static final Set<String> BY_HAND = Set.of("manual", "claim");

    /** What the rules decided: the partner (null: nobody), the touch that won (may be null). */
    record Outcome(PartnerId partner, LinkId link, String attributedBy, String reason, Candidate won, boolean moves) {
    }

    private final AttributionModel model;
    private final int windowDays;
    private final Instant occurredAt;
    private final EventType type;
    private final java.util.function.Function<Candidate, String> describeLink;

    Weighing(AttributionModel model, int windowDays, Instant occurredAt, EventType type,
            java.util.function.Function<Candidate, String> describeLink) {
        this.model = model;
        this.windowDays = windowDays;
        this.occurredAt = occurredAt;
        this.type = type;
        this.describeLink = describeLink;
    }

    /** Picks the winning touch among candidates not yet ignored; marks every candidate's outcome except the winner's. */
    Optional<Candidate> best(List<Candidate> candidates) {
        Instant from = occurredAt.minus(Duration.ofDays(windowDays));
        for (Candidate c : candidates) {
            if (c.outcome == null && c.at.isBefore(from)) {
                c.set(LOST, "outside the " + windowDays + "-day window (" + ago(c.at) + " before the " + type.code() + ")");
            }
        }
        outrankWithinEvents(candidates);
        for (int tier = 1; tier <= 3; tier++) {
            int t = tier;
            Optional<Candidate> pick = pick(candidates, c -> c.outcome == null && c.tier() == t);
            if (pick.isPresent()) {
                return pick;
            }
        }
        return Optional.empty();
    }

    /** @param ignored hints of the event that named no usable partner (a forged click id, an unknown code) */
    Outcome decide(List<Candidate> candidates, Candidate best, Referral existing, boolean lifetimeBinding,
            List<dev.tandem.referral.Attribution.Touch> ignored) {
        boolean lifetime = existing != null && existing.firstSaleAt() != null && lifetimeBinding;
        boolean byHand = existing != null && BY_HAND.contains(existing.attributedBy());
        Outcome outcome;
        String loserWhy;
        if (lifetime || byHand) {
            PartnerId bound = existing.partnerId();
            Candidate won = best != null && best.partner.equals(bound) ? best
                    : pick(candidates, c -> c.outcome == null && c.partner.equals(bound)).orElse(null);
            String reason = lifetime
                    ? "customer bound to their first referrer since " + date(existing.firstSaleAt()) + " (lifetime binding)"
                    : "assigned by hand (" + existing.attributedBy() + ") on " + date(existing.updatedAt())
                            + "; later touches do not move it";
            outcome = new Outcome(bound, won != null && won.link != null ? won.link : existing.linkId(),
                    existing.attributedBy(), reason, won, false);
            loserWhy = reason;
        } else if (existing != null && (best == null || best.partner.equals(existing.partnerId())
                || model == AttributionModel.FIRST_CLICK)) {
            boolean theirs = best != null && best.partner.equals(existing.partnerId());
            String keeps = "the customer's referral since " + date(existing.createdAt()) + " keeps its partner";
            outcome = theirs
                    ? new Outcome(best.partner, best.link != null ? best.link : existing.linkId(), existing.attributedBy(),
                            describe(best), best, false)
                    : new Outcome(existing.partnerId(), existing.linkId(), existing.attributedBy(),
                            (best == null ? "no new click or code; " : "first click: ") + keeps
                                    + " (" + existing.attributedBy() + ")", null, false);
            loserWhy = theirs ? null : "first click: " + keeps;
        } else if (best != null) {
            boolean moves = existing != null;
            String reason = describe(best) + (moves ? "; the referral moves from its earlier partner" : "");
            outcome = new Outcome(best.partner, best.link, best.kind, reason, best, moves);
            loserWhy = null;
        } else {
            return new Outcome(null, null, null, nobody(candidates, ignored), null, false);
        }
        markLosers(candidates, outcome, loserWhy);
        return outcome;
    }

    private void markLosers(List<Candidate> candidates, Outcome outcome, String loserWhy) {
        Candidate won = outcome.won();
        if (won != null) {
            won.set(WON, won.tier() == 1 ? (model == AttributionModel.LAST_CLICK ? "latest" : "earliest")
                    + " click or code within the " + windowDays + "-day window (" + modelWords() + ")"
                    : won.tier() == 2 ? "no click or code within the window; the accepted deal registration counts"
                    : "no click, code or deal within the window; the partner named in the event counts");
        }
        for (Candidate c : candidates) {
            if (c.outcome != null) {
                continue;
            }
            if (loserWhy != null && !c.partner.equals(outcome.partner())) {
                c.set(LOST, loserWhy);
            } else if (won != null && c.tier() > won.tier()) {
                c.set(LOST, "a " + kindWords(won) + " outranks a " + kindWords(c));
            } else if (c.partner.equals(outcome.partner())) {
                c.set(LOST, "another touch of the same partner counted");
            } else {
                c.set(LOST, (model == AttributionModel.LAST_CLICK ? "a later" : "an earlier") + " touch won ("
                        + modelWords() + ")");
            }
        }
    }

    /** A click id outranks a code sent with the same event: one event, one voice. */
    private static void outrankWithinEvents(List<Candidate> candidates) {
        Map<EventId, Candidate> clickOfEvent = new HashMap<>();
        for (Candidate c : candidates) {
            if (c.outcome == null && c.kind.equals("click") && c.event != null) {
                clickOfEvent.put(c.event, c);
            }
        }
        for (Candidate c : candidates) {
            if (c.outcome == null && !c.kind.equals("click") && c.clickOrCode() && clickOfEvent.containsKey(c.event)) {
                c.set(LOST, "a click id outranks a code sent with the same event");
            }
        }
    }

    private Optional<Candidate> pick(List<Candidate> candidates, Predicate<Candidate> eligible) {
        Comparator<Candidate> byTime = Comparator.comparing((Candidate c) -> c.at);
        var stream = candidates.stream().filter(eligible);
        return model == AttributionModel.FIRST_CLICK ? stream.min(byTime) : stream.max(byTime);
    }

    private String describe(Candidate c) {
        String ago = c.current && !c.kind.equals("click") ? "with the " + type.code()
                : ago(c.at) + " before the " + type.code();
        return switch (c.kind) {
            case "click" -> (model == AttributionModel.LAST_CLICK ? "last" : "first") + " click " + ago + " on "
                    + describeLink.apply(c);
            case "code", "coupon" -> c.kind + (c.label == null ? "" : " " + c.label) + " given " + ago + " ("
                    + modelWords() + ")";
            case "deal" -> "accepted deal registration of " + date(c.at) + " for this customer's email";
            default -> c.current ? "partner named in the event (partnerId)" : "partner named " + ago;
        };
    }

    private String nobody(List<Candidate> candidates, List<dev.tandem.referral.Attribution.Touch> ignored) {
        if (candidates.isEmpty() && !ignored.isEmpty()) {
            return "no usable touch (" + ignored.get(0).why() + ")";
        }
        if (candidates.isEmpty()) {
            return "no click id, code or partner in the event, and the customer has no referral in the program";
        }
        if (candidates.stream().allMatch(c -> LOST.equals(c.outcome))) {
            return "every touch is outside the " + windowDays + "-day window";
        }
        return candidates.stream().filter(c -> c.outcome != null).map(c -> c.kind + " " + c.outcome + ": " + c.why)
                .findFirst().map(w -> "no usable touch (" + w + ")").orElse("no usable touch");
    }

    private String modelWords() {
        return model == AttributionModel.LAST_CLICK ? "last click" : "first click";
    }

    private static String kindWords(Candidate c) {
        return switch (c.tier()) {
            case 1 -> "click or code";
            case 2 -> "deal registration";
            default -> "partner hint";
        };
    }

    String ago(Instant at) {
        Duration d = Duration.between(at, occurredAt);
        if (d.toHours() < 1) {
            return "less than an hour";
        }
        if (d.toDays() < 1) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return d.toDays() + (d.toDays() == 1 ? " day" : " days");
    }

    static String date(Instant at) {
        return at == null ? "?" : at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
