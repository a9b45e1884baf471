package dev.tandem.tracking.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalHomeSection;
import dev.tandem.program.Program;
import dev.tandem.tracking.LinkId;
import dev.tandem.tracking.Links;
import org.springframework.stereotype.Component;

/**
 * "Your link to share" on the portal's home, one per program: the partner's link with the most
 * unique human visitors in the last 90 days, else their default link, shown with the links page's
 * own card (copy button, share buttons, QR code) and a ready text. Programs still waiting for
 * approval say what comes next; suspended ones say there is nothing to share for now.
 */
@Component
class LinkHomeSection implements PortalHomeSection {

    static final Duration RECENT = Duration.ofDays(90);

    private final LinkPortalPage pages;
    private final Links links;
    private final LinkSharing sharing;
    private final Clock clock;

    LinkHomeSection(LinkPortalPage pages, Links links, LinkSharing sharing, Clock clock) {
        this.pages = pages;
        this.links = links;
        this.sharing = sharing;
        this.clock = clock;
    }

    /** A program's part of the section; {@code card} null when there is no link to share. */
    record ProgramShare(LinkPortalPage.ProgramBlock block, LinkPortalPage.LinkCard card, long recentVisitors,
            List<String> texts) {

        public Program program() {
            return block.program();
        }

        /** Chosen for its visitors rather than as the default link. */
        public boolean mostVisited() {
            return recentVisitors > 0;
        }
    }

    /** What the fragment shows: one entry per program the links page lists. */
    record Shares(List<ProgramShare> programs) {
    }

    @Override
    public String template() {
        return "tracking/portal/home";
    }

    @Override
    public Object data(PartnerPrincipal me, Locale locale) {
        List<LinkPortalPage.ProgramBlock> blocks = pages.blocks(me);
        if (blocks.isEmpty()) {
            return null;
        }
        List<LinkId> open = blocks.stream().filter(LinkPortalPage.ProgramBlock::approved)
                .flatMap(b -> b.links().stream()).filter(c -> c.link().enabled()).map(c -> c.link().id()).toList();
        Map<LinkId, Long> recent = links.clicks(me.workspaceId(), open, clock.instant().minus(RECENT));
        return new Shares(blocks.stream().map(b -> share(b, recent, locale)).toList());
    }

    private ProgramShare share(LinkPortalPage.ProgramBlock block, Map<LinkId, Long> recent, Locale locale) {
        if (!block.approved()) {
            return new ProgramShare(block, null, 0, List.of());
        }
        // most recent visitors first; among equals the default link, then the page's order (default first, newest)
        return block.links().stream().filter(c -> c.link().enabled())
                .min(Comparator.<LinkPortalPage.LinkCard>comparingLong(c -> -recent.getOrDefault(c.link().id(), 0L))
                        .thenComparing(c -> !c.link().isDefault()))
                .map(best -> new ProgramShare(block, best, recent.getOrDefault(best.link().id(), 0L),
                        sharing.texts(block.program(), best.url(), locale).subList(0, 1)))
                .orElseGet(() -> new ProgramShare(block, null, 0, List.of()));
    }
}
