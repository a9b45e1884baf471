package dev.tandem.program.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Page;
import dev.tandem.program.CommissionPlan;
import dev.tandem.program.CommissionPlans;
import dev.tandem.program.PlanInput;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.workspace.ApiKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Commission plan versions through the API (API.md: {@code POST /api/v1/programs/{programId}/plans}). */
@RestController
@Tag(name = "Commission plans")
class PlanApiController {

    private final CommissionPlans plans;
    private final Programs programs;

    PlanApiController(CommissionPlans plans, Programs programs) {
        this.plans = plans;
        this.programs = programs;
    }

    /** As {@link PlanInput}, with {@code effectiveFrom} as ISO 8601 text (absent: now). */
    record PlanBody(String tierId, String effectiveFrom, Integer holdDays, String combine,
            List<PlanInput.RuleInput> rules, List<PlanInput.MilestoneInput> milestones, String customerReward) {
    }

    @PostMapping("/api/v1/programs/{programId}/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a new version of a tier's commission plan",
            description = "`tierId` (default tier if absent), `effectiveFrom` (ISO 8601; default: since the program"
                    + " began for a tier's first version, now for later ones, which must not start in the past), `holdDays` (0-365, default 30), `combine` (`highest` or `sum`:"
                    + " what several matching rules pay), `rules`: each with `trigger` (lead, qualified, sale,"
                    + " recurring_sale, partner_recruited), `reward` ({type: flat, amount, currency} or {type:"
                    + " percentage, percent} or {type: percentage, schedule: [{fromMonth, toMonth, percent}]}),"
                    + " optional `volumeTiers` [{fromSale, toSale, percent}] (sales of the partner in the calendar"
                    + " month), `conditions` {products, minAmount, maxAmount, countries, metadata}, `caps`"
                    + " {perPartnerDay, perPartnerMonth, perPartnerTotal, perCustomer} in minor units, `rewardKind`"
                    + " (cash, store_credit, points, gift), for partner_recruited `recruitedWhen` (approved or first_sale);"
                    + " `milestones` [{lifetimeSales, bonus, moveToTierId}];"
                    + " `customerReward` (what the referred customer gets). Invalid fields are named one by one.")
    Map<String, Object> publish(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId,
            @RequestBody PlanBody body) {
        Instant effective = null;
        if (body.effectiveFrom() != null && !body.effectiveFrom().isBlank()) {
            try {
                effective = OffsetDateTime.parse(body.effectiveFrom().trim()).toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("effectiveFrom", "plan.error.effectiveFrom",
                        "must be an ISO 8601 time with offset, e.g. 2026-12-01T00:00:00Z");
            }
        }
        CommissionPlan plan = plans.publish(key.workspaceId(), key.asActor(), ProgramId.parse(programId),
                new PlanInput(body.tierId(), effective, body.holdDays(), body.combine(), body.rules(),
                        body.milestones(), body.customerReward()));
        return view(plan);
    }

    @GetMapping("/api/v1/programs/{programId}/plans")
    @Operation(summary = "Every plan version of the program's tiers, latest effective date first")
    Page<Map<String, Object>> list(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId) {
        ProgramId id = ProgramId.parse(programId);
        programs.get(key.workspaceId(), id);
        return new Page<>(plans.versions(key.workspaceId(), id).stream().map(PlanApiController::view).toList(), false);
    }

    static Map<String, Object> view(CommissionPlan p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", p.id().toString());
        map.put("programId", p.programId().toString());
        map.put("tierId", p.tierId().toString());
        map.put("version", p.version());
        map.put("effectiveFrom", p.effectiveFrom().toString());
        map.put("holdDays", p.holdDays());
        map.put("combine", p.combine().code());
        map.put("rules", p.rules().stream().map(PlanApiController::rule).toList());
        map.put("milestones", p.milestones().stream().map(m -> {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("lifetimeSales", m.lifetimeSales());
            mm.put("bonus", m.bonus());
            mm.put("moveToTierId", m.moveToTier() == null ? null : m.moveToTier().toString());
            return mm;
        }).toList());
        map.put("customerReward", p.customerReward());
        map.put("createdAt", p.createdAt().toString());
        return map;
    }

    private static Map<String, Object> rule(CommissionPlan.Rule r) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("trigger", r.trigger().code());
        Map<String, Object> reward = new LinkedHashMap<>();
        if (r.reward().flat() != null) {
            reward.put("type", "flat");
            reward.put("amount", r.reward().flat().amount());
            reward.put("currency", r.reward().flat().currency().getCurrencyCode());
        } else {
            reward.put("type", "percentage");
            if (r.reward().percent() != null) {
                reward.put("percent", r.reward().percent().toString());
            } else {
                reward.put("schedule", r.reward().schedule().stream().map(s -> {
                    Map<String, Object> step = new LinkedHashMap<>();
                    step.put("fromMonth", s.fromMonth());
                    step.put("toMonth", s.toMonth());
                    step.put("percent", s.percent().toString());
                    return step;
                }).toList());
            }
        }
        map.put("reward", reward);
        map.put("volumeTiers", r.volumeTiers().stream().map(v -> {
            Map<String, Object> tier = new LinkedHashMap<>();
            tier.put("fromSale", v.fromSale());
            tier.put("toSale", v.toSale());
            tier.put("percent", v.percent().toString());
            return tier;
        }).toList());
        map.put("conditions", r.conditions());
        map.put("caps", r.caps());
        map.put("rewardKind", r.rewardKind().code());
        if (r.trigger() == CommissionPlan.Trigger.PARTNER_RECRUITED) {
            map.put("recruitedWhen", r.paysAtFirstSale() ? "first_sale" : "approved");
        }
        return map;
    }
}
