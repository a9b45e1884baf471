package dev.tandem.program;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.tandem.core.Money;
import dev.tandem.core.Percentage;
import dev.tandem.workspace.WorkspaceId;

/**
 * One version of a tier's commission plan: from {@code effectiveFrom} on, events of the tier's
 * partners are paid by these rules (earlier events keep the version that was in force). Amounts
 * that are not a {@link Money} (caps, ranges, milestones) are minor units of the program's currency.
 *
 * @param holdDays       days a commission waits (the refund window) before it becomes payable
 * @param combine        when several rules match one event: the highest pays, or they add up
 * @param customerReward what the referred customer gets (double-sided programs), for the business to honour
 */
public record CommissionPlan(WorkspaceId workspaceId, PlanId id, ProgramId programId, TierId tierId, int version,
        Instant effectiveFrom, int holdDays, Combine combine, List<Rule> rules, List<Milestone> milestones,
        String customerReward, Instant createdAt) {

    public enum Combine {
        HIGHEST, SUM;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Combine> fromCode(String code) {
            return Arrays.stream(values()).filter(v -> v.code().equals(code)).findFirst();
        }
    }

    /** What happened that a rule pays for. */
    public enum Trigger {
        LEAD, QUALIFIED, SALE, RECURRING_SALE, PARTNER_RECRUITED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Trigger> fromCode(String code) {
            return Arrays.stream(values()).filter(v -> v.code().equals(code)).findFirst();
        }
    }

    /** Cash is paid out; the others are recorded with their value and fulfilled by the business. */
    public enum RewardKind {
        CASH, STORE_CREDIT, POINTS, GIFT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<RewardKind> fromCode(String code) {
            return Arrays.stream(values()).filter(v -> v.code().equals(code)).findFirst();
        }
    }

    /** When a partner_recruited rule pays: the recruit approved (the default), or their first sale. */
    public enum RecruitedWhen {
        APPROVED, FIRST_SALE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<RecruitedWhen> fromCode(String code) {
            return Arrays.stream(values()).filter(v -> v.code().equals(code)).findFirst();
        }
    }

    /**
     * @param recruitedWhen for partner_recruited rules: approval (null too) or the recruit's first sale
     * @param volumeTiers for percentage rules: the rate by how many sales the partner made in the calendar
     *                    month, this one included (empty: the reward's own rate)
     */
    public record Rule(Trigger trigger, Reward reward, List<VolumeTier> volumeTiers, Conditions conditions,
            Caps caps, RewardKind rewardKind, RecruitedWhen recruitedWhen) {

        /** Whether this partner_recruited rule pays at the recruit's first sale rather than their approval. */
        public boolean paysAtFirstSale() {
            return recruitedWhen == RecruitedWhen.FIRST_SALE;
        }
    }

    /** Exactly one of: a flat amount, a percentage of the sale, or a schedule of percentages by month. */
    public record Reward(Money flat, Percentage percent, List<Step> schedule) {
    }

    /**
     * Months count from the customer's first sale (month 1); {@code toMonth} null is for the
     * customer's lifetime.
     */
    public record Step(int fromMonth, Integer toMonth, Percentage percent) {

        public boolean covers(long month) {
            return month >= fromMonth && (toMonth == null || month <= toMonth);
        }
    }

    /** The rate for the partner's {@code fromSale}-th to {@code toSale}-th sale of a calendar month (null: and beyond). */
    public record VolumeTier(int fromSale, Integer toSale, Percentage percent) {

        public boolean covers(long sale) {
            return sale >= fromSale && (toSale == null || sale <= toSale);
        }
    }

    /**
     * Every condition given must hold: {@code products} against the event's metadata {@code product}
     * or {@code plan}; {@code countries} against metadata {@code country}; the sale amount within the
     * range; each metadata key equal to its value. Nulls and empty lists are no condition.
     */
    public record Conditions(List<String> products, Long minAmount, Long maxAmount, List<String> countries,
            Map<String, String> metadata) {

        public static Conditions none() {
            return new Conditions(List.of(), null, null, List.of(), Map.of());
        }
    }

    /** Upper limits of what the rule pays: per partner per day, per calendar month, all time; per customer. */
    public record Caps(Long perPartnerDay, Long perPartnerMonth, Long perPartnerTotal, Long perCustomer) {

        public static Caps none() {
            return new Caps(null, null, null, null);
        }
    }

    /**
     * When a partner's lifetime attributed sales reach {@code lifetimeSales}: a one-time {@code bonus},
     * or a permanent move to {@code moveToTier} (either or both).
     */
    public record Milestone(long lifetimeSales, Long bonus, TierId moveToTier) {
    }

    /** "Gold plan v3" as explanations begin. */
    public String title(String tierName) {
        return tierName + " plan v" + version;
    }
}
