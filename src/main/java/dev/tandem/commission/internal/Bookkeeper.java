package dev.tandem.commission.internal;

import java.time.Clock;
import java.util.UUID;

import dev.tandem.commission.Commission;
import dev.tandem.commission.CommissionChanged;
import dev.tandem.commission.CommissionStatus;
import dev.tandem.core.ConflictException;
import dev.tandem.ledger.Account;
import dev.tandem.ledger.Ledger;
import dev.tandem.referral.EventId;
import dev.tandem.workspace.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one place commissions are created and change status: each change is stored with who, when
 * and why, posted to the ledger (cash only) and published as a {@link CommissionChanged}.
 */
@Component
public class Bookkeeper {

    private final CommissionRepository commissions;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final dev.tandem.core.WriteBehind writeBehind;

    Bookkeeper(CommissionRepository commissions, Ledger ledger, ApplicationEventPublisher events, Clock clock,
            dev.tandem.core.WriteBehind writeBehind) {
        this.writeBehind = writeBehind;
        this.commissions = commissions;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** Stores a new commission; false (and nothing done) if its source was paid for before. */
    public boolean create(Commission c, String sourceKey, Integer ruleIndex, Actor by, String reason) {
        UUID change = commissions.insert(c, sourceKey, ruleIndex, reason, by);
        if (change == null) {
            return false;
        }
        if (c.eventId() != null) {
            made().computeIfAbsent(c.eventId(), e -> new java.util.ArrayList<>()).add(c);
        }
        if (c.cash()) {
            ledger.move(c.workspaceId(), "commission:" + c.id().value() + ":" + change, c.kind().code() + " "
                    + c.id(), c.createdAt(), c.partnerId(), c.amount(), Account.COMMISSION_EXPENSE, c.status().account());
        }
        events.publishEvent(new CommissionChanged(c.workspaceId(), c.id(), c.programId(), c.partnerId(), null,
                c.status(), c.amount(), reason));
        return true;
    }

    /**
     * The commissions made for each event while rows are held (an empty map otherwise, forgotten): its
     * answer is built from them rather than read back. Null for an event whose commissions also changed.
     */
    java.util.Map<EventId, java.util.List<Commission>> made() {
        java.util.Map<EventId, java.util.List<Commission>> made = writeBehind.attribute(Bookkeeper.class,
                java.util.HashMap::new);
        return made == null ? new java.util.HashMap<>() : made;
    }

    /**
     * Moves a locked commission to {@code to}.
     *
     * @param cause the event (a refund) that caused it, or null
     * @param payout the payout that paid it, only when {@code to} is paid
     * @throws ConflictException if its status cannot become {@code to}
     */
    public Commission move(Commission c, CommissionStatus to, String reason, EventId cause, Actor by, UUID payout) {
        return move(c, to, reason, cause, by, payout, c.status().account());
    }

    /**
     * Moves a locked commission to {@code to}, taking its money from {@code from} rather than the
     * account its status names (a payout being sent moved it to in transit).
     */
    public Commission move(Commission c, CommissionStatus to, String reason, EventId cause, Actor by, UUID payout,
            Account from) {
        if (!c.status().canBecome(to)) {
            throw new ConflictException("commission " + c.id() + " is " + c.status().code() + " and cannot become "
                    + to.code());
        }
        if (cause != null && writeBehind.holding()) {
            // the event's answer must show this change: read back, not taken from what was made
            made().put(cause, null);
        }
        if (!commissions.setStatus(c.workspaceId(), c.id(), c.status(), to, payout)) {
            throw new ConflictException("commission " + c.id() + " changed meanwhile");
        }
        var now = clock.instant();
        UUID change = commissions.recordChange(c.workspaceId(), c.id(), c.status(), to, reason, cause, by, now);
        if (c.cash()) {
            ledger.move(c.workspaceId(), "commission:" + c.id().value() + ":" + change, c.status().code() + " to "
                    + to.code() + " " + c.id(), now, c.partnerId(), c.amount(), from, to.account());
        }
        events.publishEvent(new CommissionChanged(c.workspaceId(), c.id(), c.programId(), c.partnerId(), c.status(), to,
                c.amount(), reason));
        return commissions.find(c.workspaceId(), c.id()).orElseThrow();
    }
}
