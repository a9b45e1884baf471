package dev.tandem.program;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.Ids;
import dev.tandem.core.InvalidIdException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Money;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.Percentage;
import dev.tandem.program.CommissionPlan.Caps;
import dev.tandem.program.CommissionPlan.Conditions;
import dev.tandem.program.CommissionPlan.Milestone;
import dev.tandem.program.CommissionPlan.Reward;
import dev.tandem.program.CommissionPlan.Rule;
import dev.tandem.program.CommissionPlan.Step;
import dev.tandem.program.CommissionPlan.Trigger;
import dev.tandem.program.CommissionPlan.VolumeTier;
import dev.tandem.program.internal.PlanRepository;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commission plans: each tier's versions, effective-dated. A new version never changes what was
 * earned before its date; which version pays an event is decided by the event's time.
 */
@Service
public class CommissionPlans {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_RULES = 20;

    private final Programs programs;
    private final PlanRepository plans;
    private final AuditLog audit;
    private final Clock clock;

    CommissionPlans(Programs programs, PlanRepository plans, AuditLog audit, Clock clock) {
        this.programs = programs;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Publishes the next version of the tier's plan (the default tier without {@code tierId}).
     *
     * @throws InvalidInputException naming every invalid field; nothing is stored
     */
    @Transactional
    public CommissionPlan publish(WorkspaceId workspace, Actor by, ProgramId programId, PlanInput input) {
        Program program = programs.get(workspace, programId);
        List<FieldProblem> problems = new ArrayList<>();
        Tier tier = tier(workspace, programId, input.tierId(), problems);
        Instant now = clock.instant();
        List<CommissionPlan> earlier = tier == null ? List.of() : plans.versions(workspace, tier.id());
        // a tier's first plan pays for everything since the program began (events are often reported late)
        Instant effectiveFrom = input.effectiveFrom() != null ? input.effectiveFrom()
                : earlier.isEmpty() ? program.createdAt() : now;
        if (!earlier.isEmpty() && effectiveFrom.isBefore(now.minusSeconds(60))) {
            problems.add(problem("effectiveFrom", "plan.error.effectivePast",
                    "must not be in the past: a new version never changes what was already earned"));
        }
        int holdDays = input.holdDays() == null ? 30 : input.holdDays();
        if (holdDays < 0 || holdDays > 365) {
            problems.add(problem("holdDays", "plan.error.holdDays", "must be between 0 and 365 days"));
        }
        CommissionPlan.Combine combine = CommissionPlan.Combine.HIGHEST;
        if (input.combine() != null && !input.combine().isBlank()) {
            combine = CommissionPlan.Combine.fromCode(input.combine().trim()).orElse(null);
            if (combine == null) {
                problems.add(problem("combine", "plan.error.combine", "must be highest or sum"));
            }
        }
        List<Rule> rules = rules(program, input.rules(), problems);
        List<Milestone> milestones = milestones(workspace, programId, input.milestones(), problems);
        String customerReward = input.customerReward() == null ? "" : input.customerReward().trim();
        if (customerReward.length() > 500) {
            problems.add(problem("customerReward", "plan.error.tooLong", "must be at most 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int version = earlier.stream().mapToInt(CommissionPlan::version).max().orElse(0) + 1;
        CommissionPlan plan = new CommissionPlan(workspace, new PlanId(Ids.newId()), programId, tier.id(), version,
                effectiveFrom, holdDays, combine, rules, milestones, customerReward, now);
        plans.insert(plan, by.name());
        audit.record(workspace, by, "commission_plan.published", plan.id().toString(), Map.of("program",
                programId.toString(), "tier", tier.name(), "version", version, "effectiveFrom", effectiveFrom.toString()));
        return plan;
    }

    /** Every version of the program's plans, newest first. */
    public List<CommissionPlan> versions(WorkspaceId workspace, ProgramId program) {
        return plans.versionsOfProgram(workspace, program);
    }

    /** The tier's versions, oldest first. */
    public List<CommissionPlan> versionsOfTier(WorkspaceId workspace, TierId tier) {
        return plans.versions(workspace, tier);
    }

    public CommissionPlan get(WorkspaceId workspace, PlanId id) {
        return plans.find(workspace, id).orElseThrow(() -> new NotFoundException("no plan " + id));
    }

    /** The version that pays the tier's events at {@code at}: the latest in force then. */
    public Optional<CommissionPlan> inForce(WorkspaceId workspace, TierId tier, Instant at) {
        return plans.inForce(workspace, tier, at);
    }

    /** {@link #inForce} with the name of the tier it pays (one statement: the commission engine asks per event). */
    public Optional<InForce> inForceWithTierName(WorkspaceId workspace, TierId tier, Instant at) {
        return plans.inForceNamed(workspace, tier, at);
    }

    /**
     * Every version of the tier with its name, latest effective first: the one in force at a moment is
     * the first that took effect by then. For the intake, which works out many events at once.
     */
    public List<InForce> versionsWithTierName(WorkspaceId workspace, TierId tier) {
        return plans.allNamed(workspace, tier);
    }

    /** A plan version in force and the name of its tier. */
    public record InForce(CommissionPlan plan, String tierName) {
    }

    /** Versions of the tier that take effect after {@code now}: partners see them before they apply. */
    public List<CommissionPlan> upcoming(WorkspaceId workspace, TierId tier, Instant now) {
        return plans.versions(workspace, tier).stream().filter(p -> p.effectiveFrom().isAfter(now))
                .sorted(Comparator.comparing(CommissionPlan::effectiveFrom)).toList();
    }

    private Tier tier(WorkspaceId workspace, ProgramId program, String tierId, List<FieldProblem> problems) {
        if (tierId == null || tierId.isBlank()) {
            return programs.defaultTier(workspace, program);
        }
        try {
            TierId id = TierId.parse(tierId.trim());
            Optional<Tier> tier = programs.tiers(workspace, program).stream().filter(t -> t.id().equals(id)).findFirst();
            if (tier.isPresent()) {
                return tier.get();
            }
        } catch (InvalidIdException malformed) {
            // reported below like an unknown one
        }
        problems.add(problem("tierId", "partner.error.tier", "is not a tier of this program"));
        return null;
    }

    private List<Rule> rules(Program program, List<PlanInput.RuleInput> input, List<FieldProblem> problems) {
        if (input == null || input.isEmpty()) {
            problems.add(problem("rules", "plan.error.noRules", "must have at least one rule"));
            return List.of();
        }
        if (input.size() > MAX_RULES) {
            problems.add(problem("rules", "plan.error.tooManyRules", "must have at most " + MAX_RULES + " rules"));
            return List.of();
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            Rule rule = rule(program, "rules[" + i + "]", input.get(i), problems);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private Rule rule(Program program, String at, PlanInput.RuleInput in, List<FieldProblem> problems) {
        if (in == null) {
            problems.add(problem(at, "validation.required", "is required"));
            return null;
        }
        int before = problems.size();
        Trigger trigger = in.trigger() == null ? null : Trigger.fromCode(in.trigger().trim()).orElse(null);
        if (trigger == null) {
            problems.add(problem(at + ".trigger", "plan.error.trigger",
                    "must be one of lead, qualified, sale, recurring_sale, partner_recruited"));
        }
        Reward reward = reward(program, at + ".reward", in.reward(), trigger, problems);
        List<VolumeTier> tiers = volumeTiers(at + ".volumeTiers", in.volumeTiers(), reward, problems);
        Conditions conditions = conditions(at + ".conditions", in.conditions(), problems);
        Caps caps = caps(at + ".caps", in.caps(), problems);
        CommissionPlan.RewardKind kind = CommissionPlan.RewardKind.CASH;
        if (in.rewardKind() != null && !in.rewardKind().isBlank()) {
            kind = CommissionPlan.RewardKind.fromCode(in.rewardKind().trim()).orElse(null);
            if (kind == null) {
                problems.add(problem(at + ".rewardKind", "plan.error.rewardKind",
                        "must be one of cash, store_credit, points, gift"));
            }
        }
        CommissionPlan.RecruitedWhen when = null;
        if (trigger == Trigger.PARTNER_RECRUITED && in.recruitedWhen() != null && !in.recruitedWhen().isBlank()) {
            when = CommissionPlan.RecruitedWhen.fromCode(in.recruitedWhen().trim()).orElse(null);
            if (when == null) {
                problems.add(problem(at + ".recruitedWhen", "plan.error.recruitedWhen", "must be approved or first_sale"));
            }
        }
        return problems.size() > before ? null : new Rule(trigger, reward, tiers, conditions, caps, kind, when);
    }

    private Reward reward(Program program, String at, PlanInput.RewardInput in, Trigger trigger,
            List<FieldProblem> problems) {
        if (in == null || in.type() == null || in.type().isBlank()) {
            problems.add(problem(at + ".type", "plan.error.rewardType", "must be flat or percentage"));
            return null;
        }
        switch (in.type().trim()) {
            case "flat" -> {
                Currency currency = program.currency();
                if (in.currency() != null && !in.currency().isBlank()) {
                    Currency given = currency(in.currency(), at + ".currency", problems);
                    if (given != null && !given.equals(program.currency())) {
                        problems.add(problem(at + ".currency", "plan.error.currency",
                                "must be " + program.currency().getCurrencyCode() + ", the program's currency"));
                    }
                }
                if (in.amount() == null || in.amount() <= 0) {
                    problems.add(problem(at + ".amount", "plan.error.amount",
                            "must be greater than 0 (in minor units of the currency)"));
                    return null;
                }
                return new Reward(new Money(in.amount(), currency), null, null);
            }
            case "percentage" -> {
                if (trigger == Trigger.PARTNER_RECRUITED) {
                    problems.add(problem(at + ".type", "plan.error.recruitedFlat",
                            "must be flat: recruiting a partner has no sale to take a percentage of"));
                    return null;
                }
                boolean scheduled = in.schedule() != null && !in.schedule().isEmpty();
                if (scheduled == (in.percent() != null && !in.percent().isBlank())) {
                    problems.add(problem(at + ".percent", "plan.error.percentOrSchedule",
                            "give either percent or a schedule"));
                    return null;
                }
                if (!scheduled) {
                    Percentage p = percent(in.percent(), at + ".percent", problems);
                    return p == null ? null : new Reward(null, p, null);
                }
                if (trigger != null && trigger != Trigger.SALE && trigger != Trigger.RECURRING_SALE) {
                    problems.add(problem(at + ".schedule", "plan.error.scheduleTrigger",
                            "is only for sale and recurring_sale rules"));
                    return null;
                }
                List<Step> steps = schedule(at + ".schedule", in.schedule(), problems);
                return steps == null ? null : new Reward(null, null, steps);
            }
            default -> {
                problems.add(problem(at + ".type", "plan.error.rewardType", "must be flat or percentage"));
                return null;
            }
        }
    }

    private static List<Step> schedule(String at, List<PlanInput.StepInput> input, List<FieldProblem> problems) {
        return ranges(at, input.stream().map(s -> s == null ? null : new RangeInput(s.fromMonth(), s.toMonth(),
                s.percent())).toList(), MONTHS, Step::new, problems);
    }

    private static List<VolumeTier> volumeTiers(String at, List<PlanInput.VolumeTierInput> input, Reward reward,
            List<FieldProblem> problems) {
        if (input == null || input.isEmpty()) {
            return List.of();
        }
        if (reward != null && reward.percent() == null) {
            problems.add(problem(at, "plan.error.volumeTiersPercent", "are only for a percentage without a schedule"));
            return List.of();
        }
        List<VolumeTier> tiers = ranges(at, input.stream().map(v -> v == null ? null : new RangeInput(v.fromSale(),
                v.toSale(), v.percent())).toList(), SALES, VolumeTier::new, problems);
        return tiers == null ? List.of() : tiers;
    }

    /** A schedule step or a volume tier as given: a range of months or sales and its rate. */
    private record RangeInput(Integer from, Integer to, String percent) {
    }

    /** How a kind of range names its fields and explains a gap or an open end in the middle. */
    private record RangeWords(String from, String to, String gapCode, String startsAtOne, String noGaps,
            String openNotLast) {
    }

    private static final RangeWords MONTHS = new RangeWords("fromMonth", "toMonth", "plan.error.scheduleGap",
            "the schedule starts with the first month", "steps must follow each other without gaps or overlaps",
            "only the last step may run for the customer's lifetime");
    private static final RangeWords SALES = new RangeWords("fromSale", "toSale", "plan.error.volumeOverlap",
            "the tiers start with the month's first sale", "tiers must not overlap or leave gaps",
            "only the last tier may be open");

    private interface RangeOf<T> {
        T of(int from, Integer to, Percentage percent);
    }

    // contiguous from 1, each range ending before the next begins, only the last open-ended; null if not
    private static <T> List<T> ranges(String at, List<RangeInput> input, RangeWords words, RangeOf<T> range,
            List<FieldProblem> problems) {
        List<T> ranges = new ArrayList<>();
        int expectedFrom = 1;
        for (int i = 0; i < input.size(); i++) {
            RangeInput r = input.get(i);
            String here = at + "[" + i + "]";
            if (r == null || r.from() == null) {
                problems.add(problem(here + "." + words.from(), "validation.required", "is required"));
                return null;
            }
            if (r.from() != expectedFrom) {
                problems.add(problem(here + "." + words.from(), words.gapCode(), expectedFrom == 1
                        ? "must be 1: " + words.startsAtOne()
                        : "must be " + expectedFrom + ": " + words.noGaps()));
                return null;
            }
            if (r.to() != null && r.to() < r.from()) {
                problems.add(problem(here + "." + words.to(), "plan.error.toBeforeFrom",
                        "must not be before " + words.from()));
                return null;
            }
            if (r.to() == null && i < input.size() - 1) {
                problems.add(problem(here + "." + words.to(), "plan.error.openNotLast",
                        "is required: " + words.openNotLast()));
                return null;
            }
            Percentage p = percent(r.percent(), here + ".percent", problems);
            if (p == null) {
                return null;
            }
            ranges.add(range.of(r.from(), r.to(), p));
            expectedFrom = r.to() == null ? Integer.MAX_VALUE : r.to() + 1;
        }
        return ranges;
    }

    private static Conditions conditions(String at, PlanInput.ConditionsInput in, List<FieldProblem> problems) {
        if (in == null) {
            return Conditions.none();
        }
        if (in.minAmount() != null && in.minAmount() < 0) {
            problems.add(problem(at + ".minAmount", "plan.error.negative", "must not be negative"));
        }
        if (in.maxAmount() != null && in.minAmount() != null && in.maxAmount() < in.minAmount()) {
            problems.add(problem(at + ".maxAmount", "plan.error.maxBelowMin", "must not be below minAmount"));
        }
        List<String> countries = new ArrayList<>();
        for (String c : in.countries() == null ? List.<String>of() : in.countries()) {
            String code = c == null ? "" : c.trim().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z]{2}")) {
                problems.add(problem(at + ".countries", "plan.error.country",
                        "must be two-letter country codes such as ES"));
                break;
            }
            countries.add(code);
        }
        List<String> products = (in.products() == null ? List.<String>of() : in.products()).stream()
                .filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
        Map<String, String> metadata = new LinkedHashMap<>();
        if (in.metadata() != null) {
            in.metadata().forEach((k, v) -> {
                if (k != null && !k.isBlank() && v != null) {
                    metadata.put(k.trim(), v.trim());
                }
            });
        }
        return new Conditions(products, in.minAmount(), in.maxAmount(), countries, metadata);
    }

    private static Caps caps(String at, PlanInput.CapsInput in, List<FieldProblem> problems) {
        if (in == null) {
            return Caps.none();
        }
        positive(in.perPartnerDay(), at + ".perPartnerDay", problems);
        positive(in.perPartnerMonth(), at + ".perPartnerMonth", problems);
        positive(in.perPartnerTotal(), at + ".perPartnerTotal", problems);
        positive(in.perCustomer(), at + ".perCustomer", problems);
        return new Caps(in.perPartnerDay(), in.perPartnerMonth(), in.perPartnerTotal(), in.perCustomer());
    }

    private List<Milestone> milestones(WorkspaceId workspace, ProgramId program, List<PlanInput.MilestoneInput> input,
            List<FieldProblem> problems) {
        List<Milestone> milestones = new ArrayList<>();
        if (input == null) {
            return milestones;
        }
        for (int i = 0; i < input.size(); i++) {
            PlanInput.MilestoneInput m = input.get(i);
            String at = "milestones[" + i + "]";
            if (m == null || m.lifetimeSales() == null || m.lifetimeSales() <= 0) {
                problems.add(problem(at + ".lifetimeSales", "plan.error.amount",
                        "must be greater than 0 (in minor units of the currency)"));
                continue;
            }
            positive(m.bonus(), at + ".bonus", problems);
            TierId move = null;
            if (m.moveToTierId() != null && !m.moveToTierId().isBlank()) {
                Tier tier = tier(workspace, program, m.moveToTierId(), new ArrayList<>());
                if (tier == null) {
                    problems.add(problem(at + ".moveToTierId", "partner.error.tier", "is not a tier of this program"));
                } else {
                    move = tier.id();
                }
            }
            if (m.bonus() == null && move == null) {
                problems.add(problem(at + ".bonus", "plan.error.milestoneEmpty", "give a bonus, a tier to move to, or both"));
                continue;
            }
            milestones.add(new Milestone(m.lifetimeSales(), m.bonus(), move));
        }
        return milestones;
    }

    private static void positive(Long value, String field, List<FieldProblem> problems) {
        if (value != null && value <= 0) {
            problems.add(problem(field, "plan.error.amount", "must be greater than 0 (in minor units of the currency)"));
        }
    }

    private static Percentage percent(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(problem(field, "validation.required", "is required"));
            return null;
        }
        try {
            Percentage p = Percentage.of(text);
            if (p.value().compareTo(HUNDRED) > 0) {
                problems.add(problem(field, "plan.error.percentRange", "must be between 0 and 100"));
                return null;
            }
            if (p.value().signum() == 0) {
                problems.add(problem(field, "plan.error.percentRange", "must be between 0 and 100"));
                return null;
            }
            return p;
        } catch (IllegalArgumentException | ArithmeticException e) {
            problems.add(problem(field, "plan.error.percent", "must be a number such as 10 or 12.5"));
            return null;
        }
    }

    private static Currency currency(String code, String field, List<FieldProblem> problems) {
        Optional<Currency> currency = Money.currency(code.trim());
        if (currency.isPresent()) {
            return currency.get();
        }
        problems.add(problem(field, "plan.error.unknownCurrency", "must be an ISO 4217 currency code such as EUR"));
        return null;
    }

    private static FieldProblem problem(String field, String code, String message) {
        return new FieldProblem(field, message, code);
    }
}
