package dev.tandem.referral;

import dev.tandem.partner.PartnerId;
import dev.tandem.workspace.WorkspaceId;

/** Fact: a referral changed status, by an event or by a person ({@code from} null when it was created). */
public record ReferralStatusChanged(WorkspaceId workspaceId, ReferralId referralId, PartnerId partnerId,
        ReferralStatus from, ReferralStatus to) {
}
