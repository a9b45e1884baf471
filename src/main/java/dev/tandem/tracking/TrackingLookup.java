package dev.tandem.tracking;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import dev.tandem.tracking.internal.LinkRepository;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * What attribution asks tracking: whose click is this, whose code is this. Answers from the
 * database, not the redirect's cache, so a link disabled since the click still tells whose it was.
 */
@Component
public class TrackingLookup {

    private final ClickIds clickIds;
    private final LinkRepository links;

    TrackingLookup(ClickIds clickIds, LinkRepository links) {
        this.clickIds = clickIds;
        this.links = links;
    }

    /** A click id resolved to its link, or the reason it cannot be used. */
    public sealed interface ClickResolution {
        record Found(Link link, Instant clickedAt) implements ClickResolution {
        }

        record Rejected(String reason) implements ClickResolution {
        }
    }

    /**
     * A click id resolved to its link, or the reason it cannot be used; the link is read through
     * {@code linkSource} (attribution keeps links in memory: their partner, program and slug never change).
     */
    public ClickResolution resolveClick(WorkspaceId workspace, String clickId,
            Function<LinkId, Optional<Link>> linkSource) {
        ClickCheck check = clickIds.check(workspace, clickId);
        if (check instanceof ClickCheck.Invalid invalid) {
            return new ClickResolution.Rejected(invalid.reason());
        }
        ClickCheck.Valid valid = (ClickCheck.Valid) check;
        return linkSource.apply(valid.linkId())
                .<ClickResolution>map(link -> new ClickResolution.Found(link, valid.clickedAt()))
                .orElseGet(() -> new ClickResolution.Rejected("click id names a link that does not exist"));
    }

    /** The referral or coupon code, matched whatever its case; disabled codes too (the caller explains them). */
    public Optional<ReferralCode> code(WorkspaceId workspace, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return links.findCode(workspace, code.trim());
    }

    public Optional<Link> link(WorkspaceId workspace, LinkId id) {
        return links.find(workspace, id);
    }
}
