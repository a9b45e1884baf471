package dev.tandem.commission.internal;

import java.util.List;
import java.util.Map;

import dev.tandem.commission.CommissionViews;
import dev.tandem.referral.CommissionsOfEvent;
import dev.tandem.referral.EventId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/** Tells the intake which commissions an event created or reversed, for its answer. */
@Component
class EventCommissionViews implements CommissionsOfEvent {

    private final CommissionRepository commissions;

    EventCommissionViews(CommissionRepository commissions) {
        this.commissions = commissions;
    }

    @Override
    public List<Map<String, Object>> of(WorkspaceId workspace, EventId event) {
        return commissions.ofEvent(workspace, event).stream().map(CommissionViews::view).toList();
    }
}
