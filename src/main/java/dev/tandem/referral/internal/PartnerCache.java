package dev.tandem.referral.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.EnrollmentStatusChanged;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.ProgramId;
import dev.tandem.tracking.Link;
import dev.tandem.tracking.LinkId;
import dev.tandem.tracking.TrackingLookup;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What attribution asks on every event and what rarely changes, kept in memory: links (a click id
 * names one; their partner, program and slug never change) and a partner's status in a program (for a
 * few seconds, and forgotten on this node the moment it changes).
 */
@Component
public class PartnerCache {

    static final Duration FRESH_FOR = Duration.ofSeconds(3);
    private static final int MAX_ENTRIES = 100_000;

    private final TrackingLookup tracking;
    private final Partners partners;
    private final Clock clock;
    private final Map<LinkId, Link> links = new ConcurrentHashMap<>();
    private final Map<Key, Status> statuses = new ConcurrentHashMap<>();

    PartnerCache(TrackingLookup tracking, Partners partners, Clock clock) {
        this.tracking = tracking;
        this.partners = partners;
        this.clock = clock;
    }

    private record Key(WorkspaceId workspace, ProgramId program, PartnerId partner) {
    }

    private record Status(Optional<EnrollmentStatus> status, Instant loadedAt) {
    }

    /** A click id resolved to its link and click time, or the reason it cannot be used. */
    public TrackingLookup.ClickResolution resolveClick(WorkspaceId workspace, String clickId) {
        return tracking.resolveClick(workspace, clickId, id -> link(workspace, id));
    }

    /** The workspace's link (its partner, program and slug never change, so it is kept). */
    public Optional<Link> link(WorkspaceId workspace, LinkId id) {
        Link link = links.get(id);
        if (link != null && link.workspaceId().equals(workspace)) {
            return Optional.of(link);
        }
        Optional<Link> found = tracking.link(workspace, id);
        found.ifPresent(l -> {
            if (links.size() > MAX_ENTRIES) {
                links.clear();
            }
            links.put(l.id(), l);
        });
        return found;
    }

    /** The partner's status in the program; empty when they are not in it. */
    public Optional<EnrollmentStatus> status(WorkspaceId workspace, ProgramId program, PartnerId partner) {
        Key key = new Key(workspace, program, partner);
        Instant now = clock.instant();
        Status cached = statuses.get(key);
        if (cached != null && cached.loadedAt().plus(FRESH_FOR).isAfter(now)) {
            return cached.status();
        }
        Optional<EnrollmentStatus> status = partners.enrollment(workspace, program, partner).map(e -> e.status());
        if (statuses.size() > MAX_ENTRIES) {
            statuses.clear();
        }
        statuses.put(key, new Status(status, now));
        return status;
    }

    /** Forgets at once, and again after the commit: a read in between must not keep the old status. */
    @EventListener
    void changing(EnrollmentStatusChanged change) {
        statuses.remove(new Key(change.workspaceId(), change.programId(), change.partnerId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(EnrollmentStatusChanged change) {
        statuses.remove(new Key(change.workspaceId(), change.programId(), change.partnerId()));
    }
}
