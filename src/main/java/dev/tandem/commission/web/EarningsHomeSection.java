package dev.tandem.commission.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalHomeSection;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The portal home's "earnings over time": the earnings page's monthly bars, with a way to the page itself. */
@Component
class EarningsHomeSection implements PortalHomeSection {

    private final EarningsCharts charts;
    private final MessageSource messages;
    private final Clock clock;

    EarningsHomeSection(EarningsCharts charts, MessageSource messages, Clock clock) {
        this.charts = charts;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the fragment shows: one chart per currency earned in (none: the fragment says how earning starts). */
    record Earnings(List<EarningsCharts.Chart> charts, CommissionPageFormat fmt) {
    }

    @Override
    public String template() {
        return "commission/portal/home";
    }

    @Override
    public Object data(PartnerPrincipal me, Locale locale) {
        return new Earnings(charts.of(me.workspaceId(), me.partnerId(), clock.instant(), EarningsPortalController.MONTHS,
                locale), new CommissionPageFormat(messages, locale));
    }
}
