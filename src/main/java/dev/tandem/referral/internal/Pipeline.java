package dev.tandem.referral.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.tandem.core.Ids;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.CustomerId;
import dev.tandem.referral.EventId;
import dev.tandem.referral.EventType;
import dev.tandem.referral.Referral;
import dev.tandem.referral.ReferralId;
import dev.tandem.referral.ReferralStatus;
import dev.tandem.referral.ReferralStatusChange;
import dev.tandem.referral.ReferralStatusChanged;
import dev.tandem.tracking.LinkId;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import static dev.tandem.referral.ReferralStatus.CHURNED;
import static dev.tandem.referral.ReferralStatus.CUSTOMER;
import static dev.tandem.referral.ReferralStatus.LEAD;
import static dev.tandem.referral.ReferralStatus.LOST;
import static dev.tandem.referral.ReferralStatus.QUALIFIED;

/**
 * The referral pipeline: lead → qualified → customer → churned, or lost. Events only move a
 * referral forward (a sale also wins back a churned or lost one); people move it by the guarded
 * transitions below. Every change is kept in the history and published as {@link ReferralStatusChanged}.
 */
@Component
public class Pipeline {

    private static final Map<ReferralStatus, Set<ReferralStatus>> BY_HAND = Map.of(
            LEAD, EnumSet.of(QUALIFIED, LOST),
            QUALIFIED, EnumSet.of(LOST),
            CUSTOMER, EnumSet.of(CHURNED),
            CHURNED, EnumSet.of(CUSTOMER),
            LOST, EnumSet.of(LEAD));

    private final ReferralRepository referrals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Pipeline(ReferralRepository referrals, ApplicationEventPublisher events, Clock clock) {
        this.referrals = referrals;
        this.events = events;
        this.clock = clock;
    }

    /** What an event asks of the customer's referral: the partner that won and the status the event means. */
    public record Step(ProgramId program, CustomerId customer, PartnerId partner, LinkId link, String attributedBy,
            boolean movesPartner, EventType type, Instant occurredAt, EventId event, String reason) {
    }

    /** The status an event of this type means, or null (refunds and chargebacks move nothing). */
    public static ReferralStatus statusOf(EventType type) {
        return switch (type) {
            case LEAD -> LEAD;
            case QUALIFIED -> QUALIFIED;
            case SALE -> CUSTOMER;
            default -> null;
        };
    }

    /** The referral after an event; {@code creation} is its whole history when the event created it, else null. */
    public record Applied(Referral referral, ReferralStatusChange creation) {
    }

    /** Creates the customer's referral in the program, or moves it forward (and to a new partner when it moves). */
    public Applied apply(WorkspaceId workspace, Actor by, Referral existing, Step s) {
        Instant now = now();
        ReferralStatus target = statusOf(s.type());
        Instant firstSale = s.type() == EventType.SALE ? s.occurredAt() : null;
        if (existing == null) {
            Referral created = new Referral(workspace, new ReferralId(Ids.newId()), s.program(), s.partner(),
                    s.customer(), s.link(), target, s.attributedBy(), firstSale, now, now);
            if (referrals.insert(created)) {
                changed(workspace, by, created, null, s.event(), s.reason(), now);
                return new Applied(created, new ReferralStatusChange(now, null, target, s.reason(), s.event(),
                        by.name()));
            }
            existing = referrals.find(workspace, s.program(), s.customer()).orElseThrow();
        }
        ReferralStatus status = forward(existing.status(), target);
        boolean moves = s.movesPartner() && !existing.partnerId().equals(s.partner());
        Referral after = new Referral(workspace, existing.id(), existing.programId(),
                moves ? s.partner() : existing.partnerId(), existing.customerId(),
                moves ? s.link() : existing.linkId(), status, moves ? s.attributedBy() : existing.attributedBy(),
                existing.firstSaleAt() != null ? existing.firstSaleAt() : firstSale, existing.createdAt(), now);
        if (!moves && status == existing.status() && Objects.equals(after.firstSaleAt(), existing.firstSaleAt())) {
            return new Applied(existing, null);
        }
        referrals.update(after);
        if (moves || status != existing.status()) {
            String reason = moves ? s.reason() + "; credit moved from the earlier partner" : s.reason();
            changed(workspace, by, after, existing.status(), s.event(), reason, now);
        }
        return new Applied(after, null);
    }

    /** A person moves a referral: only the transitions in {@link #BY_HAND}; lost and churned need a reason. */
    public Referral move(WorkspaceId workspace, Actor by, ReferralId id, ReferralStatus to, String reason) {
        Referral current = referrals.findForUpdate(workspace, id)
                .orElseThrow(() -> new NotFoundException("no referral " + id));
        if (to == null) {
            throw InvalidInputException.of("status", "validation.required", "is required");
        }
        Set<ReferralStatus> allowed = BY_HAND.get(current.status());
        if (!allowed.contains(to)) {
            throw InvalidInputException.of("status", "validation.invalid", "a referral in " + current.status().code()
                    + " may move to " + String.join(" or ", allowed.stream().map(ReferralStatus::code).toList())
                    + ", not " + to.code());
        }
        String why = reason == null ? "" : reason.trim();
        if ((to == LOST || to == CHURNED) && why.isEmpty()) {
            throw InvalidInputException.of("reason", "validation.required", "is required to move a referral to " + to.code());
        }
        if (why.length() > 1000) {
            throw InvalidInputException.of("reason", "validation.tooLong", "must be at most 1000 characters");
        }
        Instant now = now();
        Referral after = new Referral(workspace, id, current.programId(), current.partnerId(), current.customerId(),
                current.linkId(), to, current.attributedBy(), current.firstSaleAt(), current.createdAt(), now);
        referrals.update(after);
        changed(workspace, by, after, current.status(), null, why, now);
        return after;
    }

    /**
     * Credits the customer's referral in the program to the partner by hand (creating it at
     * {@code atLeast}), so that later events follow it.
     */
    public Referral assign(WorkspaceId workspace, Actor by, ProgramId program, CustomerId customer, PartnerId partner,
            String attributedBy, ReferralStatus atLeast, Instant firstSale, EventId event, String reason) {
        Instant now = now();
        Referral existing = referrals.find(workspace, program, customer).orElse(null);
        if (existing == null) {
            Referral created = new Referral(workspace, new ReferralId(Ids.newId()), program, partner, customer, null,
                    atLeast, attributedBy, firstSale, now, now);
            referrals.insert(created);
            changed(workspace, by, created, null, event, reason, now);
            return created;
        }
        ReferralStatus status = forward(existing.status(), atLeast);
        boolean moves = !existing.partnerId().equals(partner);
        Referral after = new Referral(workspace, existing.id(), program, partner, customer,
                moves ? null : existing.linkId(), status, attributedBy,
                existing.firstSaleAt() != null ? existing.firstSaleAt() : firstSale, existing.createdAt(), now);
        referrals.update(after);
        changed(workspace, by, after, existing.status(), event,
                moves ? reason + "; credit moved from the earlier partner" : reason, now);
        return after;
    }

    /** Events never move a referral backwards; a sale wins back a churned or lost customer. */
    static ReferralStatus forward(ReferralStatus current, ReferralStatus target) {
        if (target == null || current == target) {
            return current;
        }
        if (target == CUSTOMER) {
            return CUSTOMER;
        }
        List<ReferralStatus> order = List.of(LEAD, QUALIFIED, CUSTOMER);
        boolean active = order.contains(current);
        return active && order.indexOf(target) > order.indexOf(current) ? target : current;
    }

    private void changed(WorkspaceId workspace, Actor by, Referral after, ReferralStatus from, EventId event,
            String reason, Instant at) {
        referrals.recordChange(workspace, after.id(), at, from, after.status(), reason, event, by);
        if (from != after.status()) {
            events.publishEvent(new ReferralStatusChanged(workspace, after.id(), after.partnerId(), from, after.status()));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
