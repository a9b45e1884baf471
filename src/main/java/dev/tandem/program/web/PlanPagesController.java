package dev.tandem.program.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.program.CommissionPlan;
import dev.tandem.program.CommissionPlans;
import dev.tandem.program.PlanSummaries;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.Tier;
import dev.tandem.program.TierId;
import dev.tandem.workspace.StaffPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A program's commission plans: every version of each tier's plan, newest first, marked in force,
 * upcoming or replaced and written out in plain words; and the form that publishes a tier's next
 * version, with every problem next to its field in the reader's language and nothing stored.
 */
@Controller
@RequestMapping("/admin/programs/{programId}/plans")
class PlanPagesController {

    private final Programs programs;
    private final CommissionPlans plans;
    private final PlanSummaries summaries;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PlanPagesController(Programs programs, CommissionPlans plans, PlanSummaries summaries, MessageSource messages,
            TransactionTemplate transactions, Clock clock) {
        this.programs = programs;
        this.plans = plans;
        this.summaries = summaries;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A version as the tab shows it: its words and where it stands (in force, upcoming, replaced). */
    record Version(PlanSummaries.Summary summary, String state) {

        public CommissionPlan plan() {
            return summary.plan();
        }
    }

    /** A tier with its versions, newest first. */
    record TierPlans(Tier tier, List<Version> versions) {
    }

    @GetMapping
    String show(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @RequestParam(name = "tier", required = false) String tier, Model model, Locale locale) {
        Program program = programs.get(me.workspaceId(), ProgramId.parse(programId));
        String chosen = tier != null && !tier.isBlank() ? tier.trim()
                : programs.defaultTier(me.workspaceId(), program.id()).id().toString();
        return page(me, program, PlanForm.blank(chosen), model, locale);
    }

    @PostMapping
    String publish(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes flash) {
        Program program = programs.get(me.workspaceId(), ProgramId.parse(programId));
        Map<String, String> typed = new LinkedHashMap<>(params);
        typed.remove("_csrf");
        PlanForm form = new PlanForm(typed);
        PlanForm.Read read = form.read(program.currency());
        try {
            CommissionPlan plan;
            if (read.problems().isEmpty()) {
                plan = plans.publish(me.workspaceId(), me.asActor(), program.id(), read.input());
            } else {
                // the form could not read some fields: the service still checks all the others, and nothing is kept
                transactions.executeWithoutResult(status -> {
                    status.setRollbackOnly();
                    plans.publish(me.workspaceId(), me.asActor(), program.id(), read.input());
                });
                plan = null;
            }
            if (plan != null) {
                flash.addFlashAttribute("notice", "plan.published");
                flash.addFlashAttribute("publishedVersion", plan.version());
                return "redirect:/admin/programs/" + program.id() + "/plans";
            }
            reject(form, read, List.of(), locale);
        } catch (InvalidInputException e) {
            reject(form, read, e.problems(), locale);
        }
        return page(me, program, form, model, locale);
    }

    /** The form's own problems first; the service's on the same field would only repeat them less precisely. */
    private void reject(PlanForm form, PlanForm.Read read, List<FieldProblem> service, Locale locale) {
        Set<String> own = new java.util.HashSet<>();
        for (FieldProblem p : read.problems()) {
            own.add(p.field());
            form.addError(p.field(), words(p, locale));
        }
        for (FieldProblem p : service) {
            String field = read.formField(p.field());
            if (!own.contains(field)) {
                form.addError(field, words(p, locale));
            }
        }
    }

    private String words(FieldProblem problem, Locale locale) {
        return problem.code() == null ? problem.message()
                : messages.getMessage(problem.code(), null, problem.message(), locale);
    }

    private String page(StaffPrincipal me, Program program, PlanForm form, Model model, Locale locale) {
        List<Tier> tiers = programs.tiers(me.workspaceId(), program.id());
        Map<TierId, String> names = new LinkedHashMap<>();
        tiers.forEach(t -> names.put(t.id(), t.name()));
        Instant now = clock.instant();
        List<CommissionPlan> all = plans.versions(me.workspaceId(), program.id());
        List<TierPlans> byTier = new ArrayList<>();
        for (Tier tier : tiers) {
            Optional<CommissionPlan> inForce = plans.inForce(me.workspaceId(), tier.id(), now);
            List<Version> versions = all.stream().filter(p -> p.tierId().equals(tier.id()))
                    .sorted((a, b) -> Integer.compare(b.version(), a.version()))
                    .map(p -> new Version(summaries.of(p, program, names, locale),
                            p.effectiveFrom().isAfter(now) ? "upcoming"
                                    : inForce.map(f -> f.id().equals(p.id())).orElse(false) ? "inForce" : "replaced"))
                    .toList();
            byTier.add(new TierPlans(tier, versions));
        }
        model.addAttribute("program", program);
        model.addAttribute("tiers", tiers);
        model.addAttribute("byTier", byTier);
        model.addAttribute("form", form);
        model.addAttribute("triggers", CommissionPlan.Trigger.values());
        model.addAttribute("rewardKinds", CommissionPlan.RewardKind.values());
        model.addAttribute("currency", program.currency().getCurrencyCode());
        model.addAttribute("ruleRows", range(PlanForm.RULES));
        model.addAttribute("stepRows", range(PlanForm.STEPS));
        model.addAttribute("tierRows", range(PlanForm.VOLUME_TIERS));
        model.addAttribute("milestoneRows", range(PlanForm.MILESTONES));
        return "program/plans";
    }

    private static List<Integer> range(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }
}
