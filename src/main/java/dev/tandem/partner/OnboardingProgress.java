package dev.tandem.partner;

import java.time.Instant;
import java.util.List;

/** How far one enrollment is through its program's checklist: each step, done or not, in order. */
public record OnboardingProgress(Enrollment enrollment, String programName, List<Item> items) {

    /** A step and, once done, when and by whom ({@code system} or {@code partner}). */
    public record Item(OnboardingStep step, Instant doneAt, String doneBy) {
        public boolean done() {
            return doneAt != null;
        }
    }

    public int doneCount() {
        return (int) items.stream().filter(Item::done).count();
    }

    public int total() {
        return items.size();
    }

    public boolean complete() {
        return doneCount() == total();
    }

    /** The first step not done yet: where the partner is stuck; null when all are done. */
    public OnboardingStep stuckOn() {
        return items.stream().filter(i -> !i.done()).map(Item::step).findFirst().orElse(null);
    }
}
