package dev.tandem.partner;

import java.util.List;
import java.util.Map;

/**
 * The manager's view of a program's onboarding: its steps, every approved partner's progress, and
 * how many partners are stuck on each step (their first step not done).
 */
public record OnboardingBoard(List<OnboardingStep> steps, List<Row> rows, Map<OnboardingStepId, Integer> stuckCounts) {

    public record Row(Partner partner, OnboardingProgress progress) {
    }

    public int stuckOn(OnboardingStep step) {
        return stuckCounts.getOrDefault(step.id(), 0);
    }

    public int completeCount() {
        return (int) rows.stream().filter(r -> r.progress().complete()).count();
    }
}
