package dev.tandem.program;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A new plan version as the API and the plan page send it, unchecked: {@link CommissionPlans#publish}
 * checks every field and names the ones that are wrong ({@code rules[0].reward.percent}).
 * Amounts are minor units; percentages decimal strings such as {@code "12.5"}.
 */
public record PlanInput(String tierId, Instant effectiveFrom, Integer holdDays, String combine, List<RuleInput> rules,
        List<MilestoneInput> milestones, String customerReward) {

    /** {@code recruitedWhen}: for partner_recruited rules, {@code approved} (default) or {@code first_sale}. */
    public record RuleInput(String trigger, RewardInput reward, List<VolumeTierInput> volumeTiers,
            ConditionsInput conditions, CapsInput caps, String rewardKind, String recruitedWhen) {

        public RuleInput(String trigger, RewardInput reward, List<VolumeTierInput> volumeTiers,
                ConditionsInput conditions, CapsInput caps, String rewardKind) {
            this(trigger, reward, volumeTiers, conditions, caps, rewardKind, null);
        }
    }

    /** {@code type} flat (amount, currency) or percentage (percent, or schedule). */
    public record RewardInput(String type, Long amount, String currency, String percent, List<StepInput> schedule) {
    }

    public record StepInput(Integer fromMonth, Integer toMonth, String percent) {
    }

    public record VolumeTierInput(Integer fromSale, Integer toSale, String percent) {
    }

    public record ConditionsInput(List<String> products, Long minAmount, Long maxAmount, List<String> countries,
            Map<String, String> metadata) {
    }

    public record CapsInput(Long perPartnerDay, Long perPartnerMonth, Long perPartnerTotal, Long perCustomer) {
    }

    public record MilestoneInput(Long lifetimeSales, Long bonus, String moveToTierId) {
    }
}
