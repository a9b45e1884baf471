package dev.tandem.program;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.tandem.core.Money;
import dev.tandem.core.ReaderFormat;
import dev.tandem.core.Percentage;
import dev.tandem.program.CommissionPlan.Caps;
import dev.tandem.program.CommissionPlan.Conditions;
import dev.tandem.program.CommissionPlan.Milestone;
import dev.tandem.program.CommissionPlan.Rule;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A plan version in plain words, in the reader's language, for the managers' plans tab and the
 * partners' earnings page: "Sale: 10% · months 1-3: 30%, 4-12: 20% · at most 100,00 € a month".
 */
@Component
public class PlanSummaries {

    private final MessageSource messages;

    PlanSummaries(MessageSource messages) {
        this.messages = messages;
    }

    /** A plan in words: one line per rule, then the terms (hold days, combining), milestones and customer reward. */
    public record Summary(CommissionPlan plan, List<String> rules, List<String> terms, List<String> milestones) {
    }

    /** @param tierNames names of the program's tiers, for milestones that move a partner */
    public Summary of(CommissionPlan plan, Program program, Map<TierId, String> tierNames, Locale locale) {
        Currency currency = program.currency();
        List<String> rules = plan.rules().stream().map(r -> rule(r, currency, locale)).toList();
        List<String> terms = new ArrayList<>();
        terms.add(text("plan.words.hold", locale, plan.holdDays()));
        if (plan.rules().size() > 1) {
            terms.add(text("plan.words.combine." + plan.combine().code(), locale));
        }
        if (plan.customerReward() != null && !plan.customerReward().isBlank()) {
            terms.add(text("plan.words.customerReward", locale, plan.customerReward()));
        }
        List<String> milestones = plan.milestones().stream()
                .map(m -> milestone(m, currency, tierNames, locale)).toList();
        return new Summary(plan, rules, terms, milestones);
    }

    /** One rule: what triggers it, what it pays, and its tiers, limits and conditions. */
    public String rule(Rule rule, Currency currency, Locale locale) {
        List<String> parts = new ArrayList<>();
        String reward;
        if (rule.reward().flat() != null) {
            reward = ReaderFormat.money(rule.reward().flat(), locale);
        } else if (rule.reward().percent() != null) {
            reward = percent(rule.reward().percent(), locale);
        } else {
            reward = text("plan.words.schedule", locale, rule.reward().schedule().stream()
                    .map(s -> range(s.fromMonth(), s.toMonth(), s.percent(), locale)).collect(Collectors.joining(", ")));
        }
        parts.add(text("plan.trigger." + rule.trigger().code(), locale) + ": " + reward);
        if (rule.paysAtFirstSale()) {
            parts.add(text("plan.recruitedWhen.first_sale", locale));
        }
        if (!rule.volumeTiers().isEmpty()) {
            parts.add(text("plan.words.volume", locale, rule.volumeTiers().stream()
                    .map(v -> range(v.fromSale(), v.toSale(), v.percent(), locale)).collect(Collectors.joining(", "))));
        }
        String caps = caps(rule.caps(), currency, locale);
        if (!caps.isEmpty()) {
            parts.add(caps);
        }
        parts.addAll(conditions(rule.conditions(), currency, locale));
        if (rule.rewardKind() != CommissionPlan.RewardKind.CASH) {
            parts.add(text("plan.words.kind", locale, text("plan.rewardKind." + rule.rewardKind().code(), locale)));
        }
        return String.join(" · ", parts);
    }

    private String milestone(Milestone m, Currency currency, Map<TierId, String> tierNames, Locale locale) {
        String threshold = ReaderFormat.money(new Money(m.lifetimeSales(), currency), locale);
        String tier = m.moveToTier() == null ? null : tierNames.getOrDefault(m.moveToTier(), m.moveToTier().toString());
        if (m.bonus() != null && tier != null) {
            return text("plan.words.milestone.both", locale, threshold, ReaderFormat.money(new Money(m.bonus(), currency), locale), tier);
        }
        if (m.bonus() != null) {
            return text("plan.words.milestone.bonus", locale, threshold, ReaderFormat.money(new Money(m.bonus(), currency), locale));
        }
        return text("plan.words.milestone.move", locale, threshold, tier);
    }

    private String caps(Caps caps, Currency currency, Locale locale) {
        List<String> limits = new ArrayList<>();
        cap(limits, caps.perPartnerDay(), "perPartnerDay", currency, locale);
        cap(limits, caps.perPartnerMonth(), "perPartnerMonth", currency, locale);
        cap(limits, caps.perPartnerTotal(), "perPartnerTotal", currency, locale);
        cap(limits, caps.perCustomer(), "perCustomer", currency, locale);
        return String.join(", ", limits);
    }

    private void cap(List<String> limits, Long amount, String which, Currency currency, Locale locale) {
        if (amount != null) {
            limits.add(text("plan.words.cap." + which, locale, ReaderFormat.money(new Money(amount, currency), locale)));
        }
    }

    private List<String> conditions(Conditions c, Currency currency, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (c == null) {
            return parts;
        }
        if (c.products() != null && !c.products().isEmpty()) {
            parts.add(text("plan.words.products", locale, String.join(", ", c.products())));
        }
        if (c.countries() != null && !c.countries().isEmpty()) {
            parts.add(text("plan.words.countries", locale, String.join(", ", c.countries())));
        }
        if (c.minAmount() != null) {
            parts.add(text("plan.words.minAmount", locale, ReaderFormat.money(new Money(c.minAmount(), currency), locale)));
        }
        if (c.maxAmount() != null) {
            parts.add(text("plan.words.maxAmount", locale, ReaderFormat.money(new Money(c.maxAmount(), currency), locale)));
        }
        if (c.metadata() != null && !c.metadata().isEmpty()) {
            parts.add(text("plan.words.metadata", locale, c.metadata().entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "))));
        }
        return parts;
    }

    private String range(int from, Integer to, Percentage percent, Locale locale) {
        return to == null ? text("plan.words.open", locale, from, percent(percent, locale))
                : text("plan.words.range", locale, from, to, percent(percent, locale));
    }

    private static String percent(Percentage percent, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(4);
        BigDecimal value = percent.value();
        return format.format(value) + "%";
    }

    private String text(String key, Locale locale, Object... args) {
        // numbers go in as text: MessageFormat would write 1000 months as "1.000" in some languages
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? n.toString() : args[i];
        }
        return messages.getMessage(key, plain, key, locale);
    }
}
