package dev.tandem.insight.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.core.Money;
import dev.tandem.insight.internal.PartnerFigures;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalHomeSection;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.tracking.Link;
import dev.tandem.tracking.Links;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The partner's figures on the portal's home: clicks of the last 30 days, referrals per status,
 * what they earned this month, and their next payout (what is approved and in no payout yet, and
 * when the program's schedule pays it).
 */
@Component
class PartnerHomeFigures implements PortalHomeSection {

    static final int CLICK_DAYS = 30;

    private final PartnerFigures figures;
    private final Programs programs;
    private final Links links;
    private final MessageSource messages;
    private final Clock clock;

    PartnerHomeFigures(PartnerFigures figures, Programs programs, Links links, MessageSource messages, Clock clock) {
        this.links = links;
        this.figures = figures;
        this.programs = programs;
        this.messages = messages;
        this.clock = clock;
    }

    /** A status's words and how many referrals have it. */
    record StatusCount(String status, String label, long count) {
    }

    /** A program's next payout in one currency; {@code date} null: paid when the business runs payouts. */
    record NextPayout(String programName, Money amount, Instant date) {
    }

    /** What the fragment shows; {@code fmt} formats for the reader. */
    record Figures(InsightFormat fmt, long clicks, List<StatusCount> referrals, List<Money> earnedThisMonth,
            List<NextPayout> nextPayouts) {
    }

    @Override
    public String template() {
        return "insight/portal/home";
    }

    @Override
    public Object data(PartnerPrincipal me, Locale locale) {
        InsightFormat fmt = new InsightFormat(messages, locale);
        Instant now = clock.instant();
        Instant to = now.plusNanos(1_000);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant clicksFrom = today.minusDays(CLICK_DAYS - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant monthStart = today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<StatusCount> referrals = figures.referralsByStatus(me.workspaceId(), me.partnerId()).entrySet().stream()
                .map(e -> new StatusCount(e.getKey(), fmt.label("insight.referral.status.", e.getKey()), e.getValue()))
                .toList();
        Map<ProgramId, String> names = new HashMap<>();
        List<NextPayout> next = figures.nextPayouts(me.workspaceId(), me.partnerId()).stream()
                .map(p -> new NextPayout(names.computeIfAbsent(p.programId(),
                        id -> programs.get(me.workspaceId(), id).name()), p.amount(), p.nextRunAt()))
                .toList();
        // counted as the Links page counts them (unique human visitors), through the click table's link index
        long clicks = links.clicks(me.workspaceId(), links.ofPartner(me.workspaceId(), me.partnerId(), null).stream()
                .map(Link::id).toList(), clicksFrom).values().stream().mapToLong(Long::longValue).sum();
        return new Figures(fmt, clicks, referrals,
                figures.earnedSince(me.workspaceId(), me.partnerId(), monthStart, to), next);
    }
}
