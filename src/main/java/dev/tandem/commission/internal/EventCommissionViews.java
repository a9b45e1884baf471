package dev.tandem.commission.internal;

import java.util.List;
import java.util.Map;

import dev.tandem.commission.Commission;
import dev.tandem.commission.CommissionViews;
import dev.tandem.referral.CommissionsOfEvent;
import dev.tandem.referral.EventId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/** Tells the intake which commissions an event created or reversed, for its answer. */
@Component
class EventCommissionViews implements CommissionsOfEvent {

    private final CommissionRepository commissions;
    private final Bookkeeper books;
    private final dev.tandem.core.WriteBehind writeBehind;

    EventCommissionViews(CommissionRepository commissions, Bookkeeper books, dev.tandem.core.WriteBehind writeBehind) {
        this.commissions = commissions;
        this.books = books;
        this.writeBehind = writeBehind;
    }

    @Override
    public List<Map<String, Object>> of(WorkspaceId workspace, EventId event) {
        if (writeBehind.holding()) {
            // a new event's commissions are those just made for it, unless some also changed status
            Map<EventId, List<Commission>> made = books.made();
            List<Commission> mine = made.containsKey(event) ? made.get(event) : List.of();
            if (mine != null && mine.stream().allMatch(EventCommissionViews::storedAsIs)) {
                return mine.stream().sorted(java.util.Comparator.comparing(c -> c.id().value().toString()))
                        .map(CommissionViews::view).toList();
            }
        }
        return commissions.ofEvent(workspace, event).stream().map(CommissionViews::view).toList();
    }

    /** PostgreSQL keeps microseconds: a time with more digits reads back rounded, so it is read back. */
    private static boolean storedAsIs(Commission c) {
        return c.availableAt().getNano() % 1000 == 0 && c.createdAt().getNano() % 1000 == 0;
    }
}
