package dev.tandem.insight.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tandem.insight.internal.ProgramFigures;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.workspace.ApiKeys;
import dev.tandem.workspace.StaffAccounts;
import dev.tandem.workspace.StaffPrincipal;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin console's first page: how the programs do over the last 7, 30 or 90 days (clicks to
 * customers, referred revenue, commissions, the best partners, who waits for review, a chart per
 * day), and where the workspace stands (team, API keys, next steps).
 */
@Controller
class AdminDashboardController {

    static final List<Integer> PERIODS = List.of(7, 30, 90);
    static final int DEFAULT_PERIOD = 30;
    static final int TOP = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StaffAccounts accounts;
    private final ApiKeys apiKeys;
    private final Programs programs;
    private final ProgramFigures figures;
    private final MessageSource messages;
    private final Clock clock;

    AdminDashboardController(StaffAccounts accounts, ApiKeys apiKeys, Programs programs, ProgramFigures figures,
            MessageSource messages, Clock clock) {
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.programs = programs;
        this.figures = figures;
        this.messages = messages;
        this.clock = clock;
    }

    /** Programs with applications to review, named, with the count. */
    record Waiting(Program program, long count) {
    }

    @GetMapping("/admin")
    String home(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(name = "program", required = false) String programParam,
            @RequestParam(name = "days", required = false) Integer daysParam, Model model, Locale locale) {
        WorkspaceId workspace = me.workspaceId();
        model.addAttribute("teamSize", accounts.team(workspace).stream().filter(StaffAccounts.Member::active).count());
        model.addAttribute("activeKeys", apiKeys.list(workspace).stream().filter(ApiKeys.Listed::active).count());

        List<Program> list = programs.list(workspace);
        Map<ProgramId, Program> byId = list.stream().collect(Collectors.toMap(Program::id, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
        // an unknown or foreign program is all programs: the select only offers this workspace's
        ProgramId chosen = parse(programParam);
        Program program = chosen == null ? null : byId.get(chosen);
        int days = daysParam != null && PERIODS.contains(daysParam) ? daysParam : DEFAULT_PERIOD;

        Instant now = clock.instant();
        LocalDate last = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = last.minusDays(days - 1L);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = now.plusNanos(1_000);
        ProgramId id = program == null ? null : program.id();
        InsightFormat fmt = new InsightFormat(messages, locale);

        List<ProgramFigures.Day> daily = figures.daily(workspace, id, first, last);
        ProgramFigures.Funnel funnel = figures.funnel(workspace, id, from, to, daily);
        model.addAttribute("fmt", fmt);
        model.addAttribute("programs", list);
        model.addAttribute("program", program);
        model.addAttribute("days", days);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("from", from);
        model.addAttribute("funnel", funnel);
        model.addAttribute("conversion", fmt.rate(funnel.customers(), funnel.clicks()));
        model.addAttribute("revenue", figures.revenue(workspace, id, from, to));
        model.addAttribute("commissions", figures.commissions(workspace, id, from, to));
        model.addAttribute("top", figures.topPartners(workspace, id, from, to, TOP));
        model.addAttribute("waiting", figures.awaitingReview(workspace, id).stream()
                .filter(w -> byId.containsKey(w.programId()))
                .map(w -> new Waiting(byId.get(w.programId()), w.count())).toList());
        model.addAttribute("daily", daily);
        model.addAttribute("chart", chart(daily, fmt, locale));
        return "insight/admin/dashboard";
    }

    /** The chart's figures for the canvas: day labels, clicks and customers, and the series' names. */
    private String chart(List<ProgramFigures.Day> daily, InsightFormat fmt, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", daily.stream().map(d -> fmt.day(d.day())).toList());
        data.put("clicks", daily.stream().map(ProgramFigures.Day::clicks).toList());
        data.put("customers", daily.stream().map(ProgramFigures.Day::customers).toList());
        data.put("clicksLabel", messages.getMessage("insight.clicks", null, locale));
        data.put("customersLabel", messages.getMessage("insight.customers", null, locale));
        return JSON.writeValueAsString(data);
    }

    private static ProgramId parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ProgramId.parse(value.trim());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
