package dev.tandem.tracking.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.tracking.CodeKind;
import dev.tandem.tracking.Codes;
import dev.tandem.tracking.Link;
import dev.tandem.tracking.LinkId;
import dev.tandem.tracking.Links;
import dev.tandem.tracking.ReferralCode;
import org.springframework.stereotype.Component;

/**
 * The partner's links page, program by program: approved programs with links, codes, QR codes and
 * share texts (the default link and referral code are made here if approval came before links
 * existed); suspended programs with what the partner has, switched to read-only; programs still
 * waiting for approval with a word on what comes. Ended enrollments are left out.
 */
@Component
class LinkPortalPage {

    private final Partners partners;
    private final Programs programs;
    private final Links links;
    private final Codes codes;
    private final LinkSharing sharing;

    LinkPortalPage(Partners partners, Programs programs, Links links, Codes codes, LinkSharing sharing) {
        this.partners = partners;
        this.programs = programs;
        this.links = links;
        this.codes = codes;
        this.sharing = sharing;
    }

    /** One link as the partner sees it. */
    record LinkCard(Link link, String url, URI destination, long clicks, LinkSharing.Targets share) {
    }

    /** One program on the page. */
    record ProgramBlock(Program program, EnrollmentStatus status, List<LinkCard> links, List<ReferralCode> codes,
            List<String> texts, String referralPage) {

        public boolean approved() {
            return status == EnrollmentStatus.APPROVED;
        }

        public boolean suspended() {
            return status == EnrollmentStatus.SUSPENDED;
        }

        public boolean waiting() {
            return status == EnrollmentStatus.PENDING || status == EnrollmentStatus.INVITED;
        }
    }

    /** Whether the partner may make links in the program now: approved there, and the program not archived. */
    boolean open(PartnerPrincipal me, ProgramId program) {
        return partners.enrollment(me.workspaceId(), program, me.partnerId())
                .filter(e -> e.status() == EnrollmentStatus.APPROVED)
                .map(e -> programs.get(me.workspaceId(), program).active()).orElse(false);
    }

    List<ProgramBlock> blocks(PartnerPrincipal me) {
        Locale locale = me.language().locale();
        List<Enrollment> shown = partners.enrollmentsOf(me.workspaceId(), me.partnerId()).stream()
                .filter(e -> e.status() == EnrollmentStatus.APPROVED || e.status() == EnrollmentStatus.SUSPENDED
                        || e.status() == EnrollmentStatus.PENDING || e.status() == EnrollmentStatus.INVITED)
                .toList();
        for (Enrollment e : shown) {
            if (e.status() == EnrollmentStatus.APPROVED) {
                links.defaultLink(me.workspaceId(), e.programId(), me.partnerId());
                links.referralCode(me.workspaceId(), e.programId(), me.partnerId());
            }
        }
        List<Link> mine = links.ofPartner(me.workspaceId(), me.partnerId(), null);
        Map<LinkId, Long> clicks = links.clicks(me.workspaceId(), mine.stream().map(Link::id).toList());
        List<ReferralCode> myCodes = codes.ofPartner(me.workspaceId(), me.partnerId(), null);
        List<ProgramBlock> blocks = new ArrayList<>();
        for (Enrollment e : shown) {
            Program program = programs.get(me.workspaceId(), e.programId());
            boolean hasLinks = e.status() == EnrollmentStatus.APPROVED || e.status() == EnrollmentStatus.SUSPENDED;
            List<LinkCard> cards = !hasLinks ? List.of() : mine.stream()
                    .filter(l -> l.programId().equals(program.id()))
                    .map(l -> card(l, program, clicks.get(l.id()), locale))
                    .toList();
            List<ReferralCode> programCodes = !hasLinks ? List.of() : myCodes.stream()
                    .filter(c -> c.programId().equals(program.id()) && (c.enabled() || c.kind() == CodeKind.COUPON))
                    .toList();
            List<String> texts = e.status() != EnrollmentStatus.APPROVED || cards.isEmpty() ? List.of()
                    : sharing.texts(program, defaultUrl(cards), locale);
            String referralPage = e.status() != EnrollmentStatus.APPROVED || !program.active() ? null
                    : programCodes.stream().filter(c -> c.enabled() && c.kind() == CodeKind.REFERRAL).findFirst()
                            .map(c -> links.referralPageUrl(program, c)).orElse(null);
            blocks.add(new ProgramBlock(program, e.status(), cards, programCodes, texts, referralPage));
        }
        return blocks;
    }

    private LinkCard card(Link link, Program program, long clicks, Locale locale) {
        String url = links.url(link);
        return new LinkCard(link, url, Links.destinationOf(link, program), clicks,
                sharing.targets(program, url, locale));
    }

    private static String defaultUrl(List<LinkCard> cards) {
        return cards.stream().filter(c -> c.link().isDefault() && c.link().enabled()).findFirst()
                .or(() -> cards.stream().filter(c -> c.link().enabled()).findFirst())
                .orElse(cards.get(0)).url();
    }
}
