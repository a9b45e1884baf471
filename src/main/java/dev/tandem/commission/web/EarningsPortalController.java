package dev.tandem.commission.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.tandem.commission.Commission;
import dev.tandem.commission.CommissionId;
import dev.tandem.commission.Commissions;
import dev.tandem.core.ListPage;
import dev.tandem.ledger.Balance;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.Partners;
import dev.tandem.partner.PortalPage;
import dev.tandem.program.CommissionPlan;
import dev.tandem.program.CommissionPlans;
import dev.tandem.program.PlanSummaries;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.Tier;
import dev.tandem.program.TierId;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A partner's earnings in the portal: balances per currency from the ledger, a bar chart of the
 * last twelve months per currency, every commission with its explanation and status, and the plan
 * of each of their programs now and the versions coming, so that a change is seen before it applies.
 * Only the signed-in partner's own commissions are ever read.
 */
@Controller
@PortalPage
class EarningsPortalController {

    static final int MONTHS = 12;

    private final Commissions commissions;
    private final EarningsCharts charts;
    private final Partners partners;
    private final Programs programs;
    private final CommissionPlans plans;
    private final PlanSummaries summaries;
    private final Clock clock;

    EarningsPortalController(Commissions commissions, EarningsCharts charts, Partners partners, Programs programs,
            CommissionPlans plans, PlanSummaries summaries, Clock clock) {
        this.commissions = commissions;
        this.charts = charts;
        this.partners = partners;
        this.programs = programs;
        this.plans = plans;
        this.summaries = summaries;
        this.clock = clock;
    }

    /** A program's plan for the partner's tier: the one in force and the versions coming. */
    record ProgramPlans(Program program, Tier tier, PlanSummaries.Summary current, List<PlanSummaries.Summary> upcoming) {
    }

    /** {@code reason}: why it is held or rejected, else null. */
    record Row(Commission commission, String programName, String reason) {
    }

    @GetMapping("/portal/earnings")
    String earnings(@AuthenticationPrincipal PartnerPrincipal me,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "dir", required = false) String dir,
            @RequestParam(name = "page", required = false) String pageNumber, Model model, Locale locale) {
        WorkspaceId workspace = me.workspaceId();
        Instant now = clock.instant();
        List<Balance> balances = commissions.balances(workspace, me.partnerId());
        // the same whitelist as the staff list; the filter is always the signed-in partner
        ListPage<Commission> page = commissions.sorted(workspace, new Commissions.Filter(me.partnerId(), null, null),
                Commissions.SORTS.read(sort, dir, pageNumber));
        Map<ProgramId, String> names = new HashMap<>();
        model.addAttribute("balances", balances);
        model.addAttribute("charts", charts.of(workspace, me.partnerId(), now, MONTHS, locale));
        Map<CommissionId, String> reasons = commissions.reasons(workspace, page.rows());
        model.addAttribute("rows", page.rows().stream().map(c -> new Row(c,
                names.computeIfAbsent(c.programId(), id -> programs.get(workspace, id).name()), reasons.get(c.id())))
                .toList());
        model.addAttribute("page", page);
        model.addAttribute("plans", plans(workspace, me, now, locale));
        return "commission/portal/earnings";
    }

    private List<ProgramPlans> plans(WorkspaceId workspace, PartnerPrincipal me, Instant now, Locale locale) {
        List<ProgramPlans> shown = new ArrayList<>();
        for (Enrollment e : partners.enrollmentsOf(workspace, me.partnerId())) {
            if (e.status() != EnrollmentStatus.APPROVED && e.status() != EnrollmentStatus.SUSPENDED) {
                continue;
            }
            Program program = programs.get(workspace, e.programId());
            List<Tier> tiers = programs.tiers(workspace, program.id());
            Map<TierId, String> tierNames = new LinkedHashMap<>();
            tiers.forEach(t -> tierNames.put(t.id(), t.name()));
            Tier tier = tiers.stream().filter(t -> t.id().equals(e.tierId())).findFirst()
                    .orElseGet(() -> programs.defaultTier(workspace, program.id()));
            Optional<CommissionPlan> current = plans.inForce(workspace, tier.id(), now);
            List<PlanSummaries.Summary> upcoming = plans.upcoming(workspace, tier.id(), now).stream()
                    .map(p -> summaries.of(p, program, tierNames, locale)).toList();
            shown.add(new ProgramPlans(program, tier,
                    current.map(p -> summaries.of(p, program, tierNames, locale)).orElse(null), upcoming));
        }
        return shown;
    }
}
