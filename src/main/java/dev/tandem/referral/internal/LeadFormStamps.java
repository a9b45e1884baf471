package dev.tandem.referral.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.tandem.tracking.ClickCheck;
import dev.tandem.tracking.ClickIds;
import dev.tandem.tracking.LinkId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * The hidden "when was this form shown" field of the hosted referral page: a time signed with the
 * workspace's tracking secret, bound to the page's referral code. A click id is exactly such a
 * signed (id, second) pair, so {@link ClickIds} signs it: any node can check it, nothing is stored,
 * and a stamp sent as a click id names no link and is ignored. Scripts that post at once (under
 * {@link #MINIMUM}) or replay an old stamp (over {@link #MAXIMUM}) are sent back to the form.
 */
@Component
public class LeadFormStamps {

    public static final Duration MINIMUM = Duration.ofSeconds(2);
    public static final Duration MAXIMUM = Duration.ofDays(1);

    private final ClickIds signer;

    LeadFormStamps(ClickIds signer) {
        this.signer = signer;
    }

    /** The stamp of a form shown now (to the second) for this referral code's page. */
    public String issue(WorkspaceId workspace, UUID page, Instant shownAt) {
        return signer.issue(workspace, new LinkId(page), shownAt);
    }

    /** Whether the stamp is genuine, for this page, and the form was filled in a human time. */
    public boolean humanlyFilled(WorkspaceId workspace, UUID page, String stamp, Instant now) {
        if (stamp == null || stamp.isBlank()) {
            return false;
        }
        if (!(signer.check(workspace, stamp) instanceof ClickCheck.Valid valid) || !valid.linkId().value().equals(page)) {
            return false;
        }
        Duration taken = Duration.between(valid.clickedAt(), now);
        return taken.compareTo(MINIMUM) >= 0 && taken.compareTo(MAXIMUM) <= 0;
    }
}
