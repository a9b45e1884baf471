package dev.tandem.program.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.Money;
import dev.tandem.program.PlanInput;

/**
 * The plan form as typed: every field by the name the service uses for it ({@code rules[0].reward.percent}),
 * so that the service's problems land next to the right input. Reads amounts in major units of the
 * program's currency (with a comma or a point), numbers, lists and the date, and turns them into a
 * {@link PlanInput}; what it cannot read becomes a problem of its own.
 */
final class PlanForm {

    static final int RULES = 4;
    static final int STEPS = 4;
    static final int VOLUME_TIERS = 3;
    static final int MILESTONES = 2;

    private static final Pattern RULE_INDEX = Pattern.compile("^rules\\[(\\d+)]");

    private final Map<String, String> values;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private final Set<String> fields = new LinkedHashSet<>();

    PlanForm(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
        fields.addAll(List.of("tierId", "effectiveFrom", "holdDays", "combine", "customerReward", "rules"));
        for (int i = 0; i < RULES; i++) {
            String p = "rules[" + i + "]";
            fields.addAll(List.of(p + ".trigger", p + ".reward.type", p + ".reward.amount", p + ".reward.percent",
                    p + ".reward.schedule", p + ".volumeTiers", p + ".rewardKind", p + ".recruitedWhen", p + ".conditions.products",
                    p + ".conditions.countries", p + ".conditions.minAmount", p + ".conditions.maxAmount",
                    p + ".conditions.metadata", p + ".caps.perPartnerDay", p + ".caps.perPartnerMonth",
                    p + ".caps.perPartnerTotal", p + ".caps.perCustomer"));
            for (int j = 0; j < STEPS; j++) {
                String s = p + ".reward.schedule[" + j + "]";
                fields.addAll(List.of(s + ".fromMonth", s + ".toMonth", s + ".percent"));
            }
            for (int j = 0; j < VOLUME_TIERS; j++) {
                String v = p + ".volumeTiers[" + j + "]";
                fields.addAll(List.of(v + ".fromSale", v + ".toSale", v + ".percent"));
            }
        }
        for (int i = 0; i < MILESTONES; i++) {
            String m = "milestones[" + i + "]";
            fields.addAll(List.of(m + ".lifetimeSales", m + ".bonus", m + ".moveToTierId"));
        }
    }

    /** An empty form: hold 30 days, the highest rule pays, one sale rule as a percentage. */
    static PlanForm blank(String tierId) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("tierId", tierId);
        v.put("holdDays", "30");
        v.put("combine", "highest");
        v.put("rules[0].trigger", "sale");
        for (int i = 0; i < RULES; i++) {
            v.put("rules[" + i + "].reward.type", "percentage");
            v.put("rules[" + i + "].rewardKind", "cash");
        }
        return new PlanForm(v);
    }

    /** What was typed in a field, or empty. */
    public String value(String name) {
        String v = values.get(name);
        return v == null ? "" : v;
    }

    /** The field's problems in words, or null. */
    public String error(String name) {
        List<String> found = errors.get(name);
        return found == null ? null : String.join(", ", found);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Whether anything under a prefix (a rule, its schedule) was typed or is wrong: its section opens. */
    public boolean touched(String prefix) {
        return values.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix) && !e.getValue().isBlank()
                && !e.getKey().endsWith(".reward.type") && !e.getKey().endsWith(".rewardKind")
                && !e.getKey().endsWith(".recruitedWhen"))
                || errors.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    /** Problems about fields the form has no input for, shown above the form. */
    public List<String> otherErrors() {
        List<String> other = new ArrayList<>();
        errors.forEach((field, messages) -> {
            if (!fields.contains(field)) {
                messages.forEach(m -> other.add(field + ": " + m));
            }
        });
        return other;
    }

    void addError(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    /** The input for the service, and the problems of reading it (field, message code, English message). */
    record Read(PlanInput input, List<FieldProblem> problems, List<Integer> ruleRows) {

        /** The service's field name with its rule index turned back into the form's row. */
        String formField(String serviceField) {
            Matcher m = RULE_INDEX.matcher(serviceField);
            if (m.find()) {
                int index = Integer.parseInt(m.group(1));
                if (index < ruleRows.size()) {
                    return "rules[" + ruleRows.get(index) + "]" + serviceField.substring(m.end());
                }
            }
            return serviceField;
        }
    }

    Read read(Currency currency) {
        List<FieldProblem> problems = new ArrayList<>();
        List<PlanInput.RuleInput> rules = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < RULES; i++) {
            String p = "rules[" + i + "]";
            if (!touched(p)) {
                continue;
            }
            rows.add(i);
            rules.add(rule(p, currency, problems));
        }
        List<PlanInput.MilestoneInput> milestones = new ArrayList<>();
        int lastMilestone = lastUsed("milestones", MILESTONES, List.of("lifetimeSales", "bonus", "moveToTierId"));
        for (int i = 0; i <= lastMilestone; i++) {
            String m = "milestones[" + i + "]";
            milestones.add(new PlanInput.MilestoneInput(major(m + ".lifetimeSales", currency, problems),
                    major(m + ".bonus", currency, problems), blankToNull(value(m + ".moveToTierId"))));
        }
        PlanInput input = new PlanInput(blankToNull(value("tierId")), effectiveFrom(problems),
                integer("holdDays", problems), blankToNull(value("combine")), rules, milestones, value("customerReward"));
        return new Read(input, problems, rows);
    }

    private PlanInput.RuleInput rule(String p, Currency currency, List<FieldProblem> problems) {
        String type = value(p + ".reward.type").isBlank() ? "percentage" : value(p + ".reward.type");
        List<PlanInput.StepInput> steps = new ArrayList<>();
        int lastStep = lastUsed(p + ".reward.schedule", STEPS, List.of("fromMonth", "toMonth", "percent"));
        for (int j = 0; j <= lastStep; j++) {
            String s = p + ".reward.schedule[" + j + "]";
            steps.add(new PlanInput.StepInput(integer(s + ".fromMonth", problems), integer(s + ".toMonth", problems),
                    blankToNull(value(s + ".percent"))));
        }
        List<PlanInput.VolumeTierInput> tiers = new ArrayList<>();
        int lastTier = lastUsed(p + ".volumeTiers", VOLUME_TIERS, List.of("fromSale", "toSale", "percent"));
        for (int j = 0; j <= lastTier; j++) {
            String v = p + ".volumeTiers[" + j + "]";
            tiers.add(new PlanInput.VolumeTierInput(integer(v + ".fromSale", problems), integer(v + ".toSale", problems),
                    blankToNull(value(v + ".percent"))));
        }
        boolean flat = "flat".equals(type);
        PlanInput.RewardInput reward = new PlanInput.RewardInput(type,
                flat ? major(p + ".reward.amount", currency, problems) : null, null,
                flat ? null : blankToNull(value(p + ".reward.percent")), flat || steps.isEmpty() ? null : steps);
        String c = p + ".conditions";
        PlanInput.ConditionsInput conditions = new PlanInput.ConditionsInput(list(value(c + ".products")),
                major(c + ".minAmount", currency, problems), major(c + ".maxAmount", currency, problems),
                Arrays.stream(value(c + ".countries").split("[,;\\s]+")).filter(x -> !x.isEmpty()).toList(),
                metadata(c + ".metadata", problems));
        String k = p + ".caps";
        PlanInput.CapsInput caps = new PlanInput.CapsInput(major(k + ".perPartnerDay", currency, problems),
                major(k + ".perPartnerMonth", currency, problems), major(k + ".perPartnerTotal", currency, problems),
                major(k + ".perCustomer", currency, problems));
        return new PlanInput.RuleInput(blankToNull(value(p + ".trigger")), reward, tiers, conditions, caps,
                blankToNull(value(p + ".rewardKind")), blankToNull(value(p + ".recruitedWhen")));
    }

    private int lastUsed(String prefix, int rows, List<String> names) {
        int last = -1;
        for (int j = 0; j < rows; j++) {
            for (String n : names) {
                if (!value(prefix + "[" + j + "]." + n).isBlank()) {
                    last = j;
                }
            }
        }
        return last;
    }

    private java.time.Instant effectiveFrom(List<FieldProblem> problems) {
        String text = value("effectiveFrom").trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("effectiveFrom", "must be a date and time such as 2026-12-01T00:00",
                    "plan.error.effectiveFrom"));
            return null;
        }
    }

    private Integer integer(String field, List<FieldProblem> problems) {
        String text = value(field).trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "must be a whole number", "plan.error.wholeNumber"));
            return null;
        }
    }

    /** Major units typed with a point or a comma ({@code 25}, {@code 25.50}, {@code 25,50}) as minor units. */
    private Long major(String field, Currency currency, List<FieldProblem> problems) {
        String text = value(field).trim().replace(" ", "").replace("\u00a0", "");
        if (text.isEmpty()) {
            return null;
        }
        if (text.indexOf(',') >= 0 && text.indexOf('.') < 0) {
            text = text.replace(',', '.');
        }
        try {
            return Money.ofMajor(new BigDecimal(text), currency).amount();
        } catch (IllegalArgumentException | ArithmeticException e) {
            problems.add(new FieldProblem(field, "must be an amount such as 25 or 25.50", "plan.error.money"));
            return null;
        }
    }

    private Map<String, String> metadata(String field, List<FieldProblem> problems) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String entry : value(field).split("[,\\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                problems.add(new FieldProblem(field, "must be key=value pairs such as plan=pro", "plan.error.metadata"));
                return Map.of();
            }
            pairs.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return pairs;
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split("[,;\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
