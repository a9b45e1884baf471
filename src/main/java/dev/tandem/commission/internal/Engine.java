package dev.tandem.commission.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.tandem.commission.Commission;
import dev.tandem.commission.CommissionId;
import dev.tandem.commission.CommissionKind;
import dev.tandem.commission.CommissionStatus;
import dev.tandem.commission.Explanation;
import dev.tandem.core.Ids;
import dev.tandem.core.Money;
import dev.tandem.core.ReaderFormat;
import dev.tandem.core.Percentage;
import dev.tandem.notification.Emails;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.EnrollmentStatusChanged;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.CommissionPlan;
import dev.tandem.program.CommissionPlan.Rule;
import dev.tandem.program.CommissionPlan.Trigger;
import dev.tandem.program.CommissionPlans;
import dev.tandem.program.Program;
import dev.tandem.program.Programs;
import dev.tandem.referral.ConversionRecorded;
import dev.tandem.referral.EventType;
import dev.tandem.referral.Referral;
import dev.tandem.referral.Referrals;
import dev.tandem.workspace.Actor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the commission plan to every attributed event, in the intake's transaction (so the
 * intake's answer lists what was earned, and an event is never stored without its commissions):
 * leads, qualifications and sales earn by the plan version in force at the event's time; refunds
 * and chargebacks reverse what their sale earned, in proportion.
 */
@Component
class Engine {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final Actor TANDEM = Actor.system();
    private static final Map<String, String> CAP_WORDS = Map.of("day", "daily cap per partner", "month",
            "monthly cap per partner", "total", "lifetime cap per partner", "customer", "cap per customer");

    private final CommissionPlans plans;
    private final Programs programs;
    private final Partners partners;
    private final Referrals referrals;
    private final CommissionRepository commissions;
    private final Bookkeeper books;
    private final Emails emails;
    private final CustomerRewardRepository customerRewards;
    private final Clock clock;
    private final dev.tandem.core.WriteBehind writeBehind;

    Engine(CommissionPlans plans, Programs programs, Partners partners, Referrals referrals,
            CommissionRepository commissions, Bookkeeper books, Emails emails, CustomerRewardRepository customerRewards,
            Clock clock, dev.tandem.core.WriteBehind writeBehind) {
        this.writeBehind = writeBehind;
        this.customerRewards = customerRewards;
        this.emails = emails;
        this.plans = plans;
        this.programs = programs;
        this.partners = partners;
        this.referrals = referrals;
        this.commissions = commissions;
        this.books = books;
        this.clock = clock;
    }

    /** One rule's reward for the event, before it is stored. */
    record Award(int ruleIndex, Rule rule, Money amount, Long base, Explanation explanation) {
    }

    @EventListener
    void on(ConversionRecorded e) {
        if (e.partnerId() == null || e.programId() == null) {
            return;
        }
        if (e.type() == EventType.REFUND || e.type() == EventType.CHARGEBACK) {
            reverse(e);
        } else {
            earn(e);
        }
    }

    /**
     * A partner someone introduced was approved: the introducer earns what their plan's
     * partner_recruited rules pay (flat amounts), once per recruit and program.
     */
    @EventListener
    void on(EnrollmentStatusChanged e) {
        if (e.to() != EnrollmentStatus.APPROVED) {
            return;
        }
        Partner recruit = partners.get(e.workspaceId(), e.partnerId());
        recruited(e.workspaceId(), e.programId(), recruit.introducedBy(), recruit.id(), () -> recruit, false, null);
    }

    /**
     * Pays {@code introducedBy}, who introduced {@code recruit}, what their plan's partner_recruited
     * rules pay at this moment (approval, or the recruit's first sale), once per recruit, program and
     * rule. This runs for every sale of an introduced partner: a rule already paid for this recruit
     * costs one look-up of its key, and the recruit and the tier are read only when a rule pays.
     */
    private void recruited(dev.tandem.workspace.WorkspaceId workspace, dev.tandem.program.ProgramId program,
            PartnerId introducedBy, PartnerId recruitId, Supplier<Partner> recruitOf, boolean firstSale,
            dev.tandem.referral.EventId sale) {
        if (introducedBy == null) {
            return;
        }
        Optional<Enrollment> introducer = partners.enrollment(workspace, program, introducedBy)
                .filter(en -> en.status() == EnrollmentStatus.APPROVED);
        if (introducer.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Optional<CommissionPlan> inForce = plans.inForce(workspace, introducer.get().tierId(), now);
        if (inForce.isEmpty()) {
            return;
        }
        CommissionPlan plan = inForce.get();
        Partner recruit = null;
        String tierName = null;
        for (int i = 0; i < plan.rules().size(); i++) {
            Rule rule = plan.rules().get(i);
            if (rule.trigger() != Trigger.PARTNER_RECRUITED || rule.reward().flat() == null
                    || rule.paysAtFirstSale() != firstSale) {
                continue;
            }
            String once = "recruited:" + program.value() + ":" + recruitId.value() + ":rule:" + i;
            if (commissions.sourceTaken(workspace, once)) {
                continue;
            }
            if (recruit == null) {
                recruit = recruitOf.get();
                tierName = programs.tier(workspace, program, plan.tierId()).name();
            }
            String moment = firstSale ? "first sale" : "approved";
            Explanation why = Explanation.of(tierName, plan.version()).add(rule.reward().flat() + " for recruiting "
                    + recruit.name() + ", " + moment, firstSale ? "recruitedSale" : "recruited",
                    Explanation.money(rule.reward().flat()), recruit.name());
            Commission c = new Commission(workspace, new CommissionId(Ids.newId()), program, recruit.introducedBy(),
                    null, null, sale, CommissionKind.EARNED, null, Trigger.PARTNER_RECRUITED, plan.id(),
                    rule.reward().flat(), null, rule.rewardKind(), null, CommissionStatus.PENDING, why.english(), now,
                    now.plus(Duration.ofDays(plan.holdDays())), now, null, why.partsJson());
            books.create(c, once, i, TANDEM, why.english());
        }
    }

    private void earn(ConversionRecorded e) {
        Trigger trigger = switch (e.type()) {
            case LEAD -> Trigger.LEAD;
            case QUALIFIED -> Trigger.QUALIFIED;
            case SALE -> e.recurring() ? Trigger.RECURRING_SALE : Trigger.SALE;
            default -> null;
        };
        if (trigger == null) {
            return;
        }
        Optional<Enrollment> enrollment = writeBehind.once(enrollmentKey(e),
                () -> partners.enrollment(e.workspaceId(), e.programId(), e.partnerId()));
        if (enrollment.isEmpty()) {
            return;
        }
        boolean sale = trigger == Trigger.SALE || trigger == Trigger.RECURRING_SALE;
        if (sale) {
            // a recruit's sale may pay whoever introduced them, whatever the recruit's own plan says; the
            // enrollment carries the partner's introducer, so most sales need no further look-up
            recruited(e.workspaceId(), e.programId(), enrollment.get().introducedBy(), e.partnerId(),
                    () -> partners.get(e.workspaceId(), e.partnerId()), true, e.eventId());
        }
        Optional<CommissionPlans.InForce> inForce = inForce(e, enrollment.get().tierId());
        if (inForce.isEmpty()) {
            return;
        }
        CommissionPlan plan = inForce.get().plan();
        if (!plan.customerReward().isBlank() && e.referralId() != null && e.customerId() != null) {
            customerRewards.insertOnce(new dev.tandem.commission.CustomerReward(e.workspaceId(), Ids.newId(),
                    e.referralId(), e.programId(), e.partnerId(), e.customerId(), plan.customerReward(),
                    clock.instant(), null, null), plan.id().value());
        }
        String tierName = inForce.get().tierName();
        // only a sale needs the program: for its currency and its milestones
        Program program = sale ? writeBehind.once(java.util.List.of("program", e.workspaceId(), e.programId()),
                () -> programs.get(e.workspaceId(), e.programId())) : null;
        if (sale && e.amount() != null && !e.amount().currency().equals(program.currency())) {
            Money nothing = Money.zero(program.currency());
            String sold = e.amount().currency().getCurrencyCode();
            String pays = program.currency().getCurrencyCode();
            Explanation why = Explanation.of(tierName, plan.version()).add("a sale in " + sold + " earns nothing: the"
                    + " program pays in " + pays + " and does not mix currencies", "currency", sold, pays);
            books.create(commission(e, plan, trigger, nothing, e.amount().amount(), CommissionKind.EARNED, null,
                    CommissionPlan.RewardKind.CASH, CommissionStatus.REJECTED, why), "event:" + e.eventId().value()
                    + ":currency", null, TANDEM, why.english());
            return;
        }
        Map<String, Object> metadata = metadata(e.metadataJson());
        List<Award> awards = new ArrayList<>();
        for (int i = 0; i < plan.rules().size(); i++) {
            Rule rule = plan.rules().get(i);
            if (rule.trigger() == trigger && matches(rule.conditions(), e, metadata)) {
                award(e, plan, tierName, i, rule).ifPresent(awards::add);
            }
        }
        if (plan.combine() == CommissionPlan.Combine.HIGHEST && awards.size() > 1) {
            awards = List.of(awards.stream().max(Comparator.comparingLong(a -> a.amount().amount())).orElseThrow());
        }
        for (Award a : awards) {
            books.create(commission(e, plan, trigger, a.amount(), a.base(), CommissionKind.EARNED, null,
                    a.rule().rewardKind(), CommissionStatus.PENDING, a.explanation()),
                    "event:" + e.eventId().value() + ":rule:" + a.ruleIndex(), a.ruleIndex(), TANDEM, "earned");
        }
        if (sale && e.amount() != null && !awards.isEmpty()) {
            milestones(e, plan, program, tierName);
        }

    }

    /** The plan version in force at the event; for a group of events, the tier's versions are read once. */
    private Optional<CommissionPlans.InForce> inForce(ConversionRecorded e, dev.tandem.program.TierId tier) {
        if (!writeBehind.holding()) {
            return plans.inForceWithTierName(e.workspaceId(), tier, e.occurredAt());
        }
        List<CommissionPlans.InForce> versions = writeBehind.once(List.of("plans", e.workspaceId(), tier),
                () -> plans.versionsWithTierName(e.workspaceId(), tier));
        return versions.stream().filter(v -> !v.plan().effectiveFrom().isAfter(e.occurredAt())).findFirst();
    }

    private static Object enrollmentKey(ConversionRecorded e) {
        return List.of("enrollment", e.workspaceId(), e.programId(), e.partnerId());
    }

    private Optional<Award> award(ConversionRecorded e, CommissionPlan plan, String tierName, int index, Rule rule) {
        Money amount;
        Explanation words = Explanation.of(tierName, plan.version());
        CommissionPlan.Reward reward = rule.reward();
        if (reward.flat() != null) {
            amount = reward.flat();
            words.add(amount + " for a " + rule.trigger().code().replace('_', ' '), "flat", Explanation.money(amount),
                    Explanation.label("commission.explain.trigger." + rule.trigger().code()));
        } else {
            if (e.amount() == null) {
                return Optional.empty();
            }
            Percentage rate;
            List<Object[]> why = new ArrayList<>();
            if (reward.schedule() != null && !reward.schedule().isEmpty()) {
                long month = month(e);
                Optional<CommissionPlan.Step> step = reward.schedule().stream().filter(s -> s.covers(month)).findFirst();
                if (step.isEmpty()) {
                    return Optional.empty();
                }
                rate = step.get().percent();
                Integer last = reward.schedule().get(reward.schedule().size() - 1).toMonth();
                boolean recurring = rule.trigger() == Trigger.RECURRING_SALE;
                String english = ", " + (recurring ? "recurring " : "") + "month " + month
                        + (last == null ? " (for the customer's lifetime)" : " of " + last);
                String key = (recurring ? "recurringMonth" : "month") + (last == null ? "Lifetime" : "");
                why.add(last == null ? new Object[] {english, key, month} : new Object[] {english, key, month, last});
            } else if (!rule.volumeTiers().isEmpty()) {
                long nth = salesThisMonth(e) + 1;
                CommissionPlan.VolumeTier tier = rule.volumeTiers().stream().filter(t -> t.covers(nth)).findFirst()
                        .orElseThrow();
                rate = tier.percent();
                String range = tier.fromSale() + (tier.toSale() == null ? "+" : "–" + tier.toSale());
                why.add(new Object[] {", sale " + nth + " of the month (" + range + ": " + rate + "%)", "volume", nth,
                        range, rate.toString()});
            } else {
                rate = reward.percent();
            }
            amount = e.amount().percentOf(rate);
            words.add(rate + "% of " + e.amount() + " = " + amount, "percent", rate.toString(),
                    Explanation.money(e.amount()), Explanation.money(amount));
            for (Object[] w : why) {
                words.add((String) w[0], (String) w[1], java.util.Arrays.copyOfRange(w, 2, w.length));
            }
        }
        Money uncapped = amount;
        // the tightest cap, when it allows less than the rule pays
        Optional<Map.Entry<String, Long>> tightest = caps(e, rule).entrySet().stream()
                .min(Map.Entry.comparingByValue()).filter(c -> Math.max(0, c.getValue()) < uncapped.amount());
        if (tightest.isPresent()) {
            Money capped = new Money(Math.max(0, tightest.get().getValue()), amount.currency());
            String cap = tightest.get().getKey();
            words.add(", capped at " + capped + " (" + CAP_WORDS.get(cap) + ")", "capped", Explanation.money(capped),
                    Explanation.label("commission.explain.cap." + cap));
            amount = capped;
        }
        if (rule.rewardKind() != CommissionPlan.RewardKind.CASH) {
            words.add(" as " + rule.rewardKind().code().replace('_', ' '), "as",
                    Explanation.label("plan.rewardKind." + rule.rewardKind().code()));
        }
        if (amount.amount() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Award(index, rule, amount, e.amount() == null ? null : e.amount().amount(), words));
    }

    // months count from the customer's first sale: the first sale is month 1
    private long month(ConversionRecorded e) {
        Instant first = e.occurredAt();
        if (e.referralId() != null) {
            Referral r = referrals.get(e.workspaceId(), e.referralId());
            if (r.firstSaleAt() != null && r.firstSaleAt().isBefore(first)) {
                first = r.firstSaleAt();
            }
        }
        LocalDate from = first.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate to = e.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
        return ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1)) + 1;
    }

    private int salesThisMonth(ConversionRecorded e) {
        YearMonth month = YearMonth.from(e.occurredAt().atZone(ZoneOffset.UTC));
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return commissions.salesSince(e.workspaceId(), e.programId(), e.partnerId(), from, until, e.eventId());
    }

    /** What each cap of the rule still allows, by the cap's name. */
    private Map<String, Long> caps(ConversionRecorded e, Rule rule) {
        Map<String, Long> left = new LinkedHashMap<>();
        CommissionPlan.Caps caps = rule.caps();
        if (caps == null) {
            return left;
        }
        var day = e.occurredAt().atZone(ZoneOffset.UTC).toLocalDate();
        if (caps.perPartnerDay() != null) {
            left.put("day", caps.perPartnerDay() - earned(e, rule, day.atStartOfDay(ZoneOffset.UTC)
                    .toInstant(), false));
        }
        if (caps.perPartnerMonth() != null) {
            left.put("month", caps.perPartnerMonth() - earned(e, rule,
                    day.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant(), false));
        }
        if (caps.perPartnerTotal() != null) {
            left.put("total", caps.perPartnerTotal() - earned(e, rule, null, false));
        }
        if (caps.perCustomer() != null && e.customerId() != null) {
            left.put("customer", caps.perCustomer() - earned(e, rule, null, true));
        }
        return left;
    }

    private long earned(ConversionRecorded e, Rule rule, Instant from, boolean perCustomer) {
        return commissions.earnedSince(e.workspaceId(), e.programId(), e.partnerId(), rule.trigger(), from,
                perCustomer ? e.customerId() : null);
    }

    private static boolean matches(CommissionPlan.Conditions c, ConversionRecorded e, Map<String, Object> metadata) {
        if (c == null) {
            return true;
        }
        if (c.products() != null && !c.products().isEmpty()) {
            Object product = metadata.getOrDefault("product", metadata.get("plan"));
            if (product == null || c.products().stream().noneMatch(p -> p.equalsIgnoreCase(String.valueOf(product)))) {
                return false;
            }
        }
        if (c.countries() != null && !c.countries().isEmpty()) {
            Object country = metadata.get("country");
            if (country == null || c.countries().stream().noneMatch(k -> k.equalsIgnoreCase(String.valueOf(country)))) {
                return false;
            }
        }
        if (c.minAmount() != null && (e.amount() == null || e.amount().amount() < c.minAmount())) {
            return false;
        }
        if (c.maxAmount() != null && (e.amount() == null || e.amount().amount() > c.maxAmount())) {
            return false;
        }
        if (c.metadata() != null) {
            for (Map.Entry<String, String> m : c.metadata().entrySet()) {
                Object value = metadata.get(m.getKey());
                if (value == null || !m.getValue().equals(String.valueOf(value))) {
                    return false;
                }
            }
        }
        return true;
    }

    // lifetime attributed sales crossing a threshold: a bonus once, and/or a move to a better tier
    private void milestones(ConversionRecorded e, CommissionPlan plan, Program program, String planTier) {
        if (plan.milestones().isEmpty()) {
            return;
        }
        long before = commissions.lifetimeSales(e.workspaceId(), e.programId(), e.partnerId(), e.eventId());
        long after = before + e.amount().amount();
        for (CommissionPlan.Milestone m : plan.milestones()) {
            if (before >= m.lifetimeSales() || after < m.lifetimeSales()) {
                continue;
            }
            Money threshold = new Money(m.lifetimeSales(), program.currency());
            String key = "milestone:" + e.programId().value() + ":" + e.partnerId().value() + ":" + m.lifetimeSales();
            Money bonus = m.bonus() == null ? null : new Money(m.bonus(), program.currency());
            // the key makes the milestone once only; without a bonus, the tier move is the record
            boolean first = bonus == null || books.create(commission(e, plan, null, bonus, after, CommissionKind.BONUS,
                    null, CommissionPlan.RewardKind.CASH, CommissionStatus.PENDING,
                    Explanation.of(planTier, plan.version()).add("milestone bonus for reaching " + threshold
                            + " in lifetime sales", "milestone", Explanation.money(threshold))), key, null, TANDEM,
                    "milestone reached");
            String tierName = null;
            if (m.moveToTier() != null) {
                Enrollment enrollment = partners.enrollment(e.workspaceId(), e.programId(), e.partnerId()).orElseThrow();
                if (!m.moveToTier().equals(enrollment.tierId())) {
                    partners.moveTier(e.workspaceId(), TANDEM, enrollment.id(), m.moveToTier(),
                            "reached " + threshold + " in lifetime sales");
                    writeBehind.forget(enrollmentKey(e));
                    tierName = programs.tier(e.workspaceId(), e.programId(), m.moveToTier()).name();
                    first = true;
                }
            }
            if (first) {
                announce(e, program, threshold, bonus, tierName);
            }
        }
    }

    private void announce(ConversionRecorded e, Program program, Money threshold, Money bonus, String tierName) {
        Partner partner = partners.get(e.workspaceId(), e.partnerId());
        java.util.Locale locale = partner.language().locale();
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("partnerName", partner.name());
        model.put("programName", program.name());
        model.put("threshold", ReaderFormat.money(threshold, locale));
        model.put("bonus", bonus == null ? null : ReaderFormat.money(bonus, locale));
        model.put("tierName", tierName);
        model.put(Emails.BRAND, program.name());
        model.put(Emails.SUBJECT_ARGS, List.of(ReaderFormat.money(threshold, locale)));
        emails.send(e.workspaceId(), partner.email(), partner.language(), "milestone-reached", model);
    }

    /**
     * A refund or chargeback takes back the same share of each commission its sale earned
     * (cumulatively, so several partial refunds round once). Before payment: a full refund reverses
     * the commission, a partial one adds a negative reversal that follows it; after payment a
     * negative clawback is payable at once, deducted from the next payout.
     */
    private void reverse(ConversionRecorded e) {
        if (e.refundOf() == null || e.amount() == null) {
            return;
        }
        String what = e.type() == EventType.CHARGEBACK ? "chargeback" : "refund";
        for (Commission original : commissions.earnedFor(e.workspaceId(), e.refundOf())) {
            if (original.status() == CommissionStatus.REJECTED || original.status() == CommissionStatus.REVERSED
                    || original.amount().amount() <= 0 || original.baseAmount() == null || original.baseAmount() <= 0) {
                continue;
            }
            List<Commission> offsets = commissions.offsetsOf(e.workspaceId(), original.id());
            long refundedBefore = offsets.stream().mapToLong(o -> o.baseAmount() == null ? 0 : o.baseAmount()).sum();
            long refunded = Math.min(refundedBefore + e.amount().amount(), original.baseAmount());
            if (refunded <= refundedBefore) {
                continue;
            }
            long target = BigDecimal.valueOf(original.amount().amount()).multiply(BigDecimal.valueOf(refunded))
                    .divide(BigDecimal.valueOf(original.baseAmount()), 0, RoundingMode.HALF_UP).longValueExact();
            long already = -offsets.stream().mapToLong(o -> o.amount().amount()).sum();
            boolean full = refunded >= original.baseAmount();
            // a commission in a payout is as good as paid: the payout is not changed under the partner's
            // feet, a clawback is deducted from the next one instead
            boolean unpaid = !paidOrInPayout(original) && offsets.stream().noneMatch(Engine::paidOrInPayout);
            Money refund = new Money(refunded - refundedBefore, e.amount().currency());
            if (full && unpaid) {
                String why = "full " + what + " of the sale before payment";
                books.move(original, CommissionStatus.REVERSED, why, e.eventId(), TANDEM, null);
                for (Commission o : offsets) {
                    books.move(o, CommissionStatus.REVERSED, why, e.eventId(), TANDEM, null);
                }
                continue;
            }
            long delta = target - already;
            if (delta <= 0) {
                continue;
            }
            boolean paid = paidOrInPayout(original);
            Money back = new Money(-delta, original.amount().currency());
            Money sold = new Money(original.baseAmount(), e.amount().currency());
            Money inAll = new Money(refunded, e.amount().currency());
            Money taken = new Money(delta, original.amount().currency());
            Explanation why = Explanation.plain().add((paid ? "clawback: " : "reversal: ") + what + " of " + refund
                    + " (" + inAll + " of " + sold + " refunded in all) takes back " + taken + " of commission "
                    + original.id() + (paid ? ", deducted from the next payout" : ""), paid ? "clawback" : "reversal",
                    Explanation.label("commission.explain.what." + what), Explanation.money(refund),
                    Explanation.money(inAll), Explanation.money(sold), Explanation.money(taken), original.id().toString());
            CommissionStatus status = paid ? CommissionStatus.APPROVED
                    : original.status() == CommissionStatus.HOLD ? CommissionStatus.HOLD : original.status();
            Instant now = clock.instant();
            Commission offset = new Commission(e.workspaceId(), new CommissionId(Ids.newId()), original.programId(),
                    original.partnerId(), original.customerId(), original.referralId(), e.eventId(),
                    paid ? CommissionKind.CLAWBACK : CommissionKind.REVERSAL, original.id(), original.trigger(),
                    original.planId(), back, refund.amount(), original.rewardKind(), null, status, why.english(),
                    e.occurredAt(), paid ? now : original.availableAt(), now, null, why.partsJson());
            books.create(offset, what + ":" + e.eventId().value() + ":" + original.id().value(), null, TANDEM,
                    why.english());
        }
    }

    private static boolean paidOrInPayout(Commission c) {
        return c.status() == CommissionStatus.PAID || c.payoutId() != null;
    }

    private Commission commission(ConversionRecorded e, CommissionPlan plan, Trigger trigger, Money amount, Long base,
            CommissionKind kind, CommissionId reverses, CommissionPlan.RewardKind rewardKind, CommissionStatus status,
            Explanation explanation) {
        Instant now = clock.instant();
        Instant available = e.occurredAt().plus(Duration.ofDays(plan.holdDays()));
        return new Commission(e.workspaceId(), new CommissionId(Ids.newId()), e.programId(), e.partnerId(),
                e.customerId(), e.referralId(), e.eventId(), kind, reverses, trigger, plan.id(), amount, base,
                rewardKind, null, status, explanation.english(), e.occurredAt(), available, now, null,
                explanation.partsJson());
    }

    private static Map<String, Object> metadata(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> map = JSON.readValue(json, MAP);
            return map == null ? Map.of() : map;
        } catch (RuntimeException notAnObject) {
            return Map.of();
        }
    }
}
