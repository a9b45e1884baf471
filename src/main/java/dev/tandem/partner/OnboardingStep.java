package dev.tandem.partner;

import dev.tandem.program.ProgramId;

/** One step of a program's onboarding checklist, in the order the manager chose. {@code url} may be null. */
public record OnboardingStep(ProgramId programId, OnboardingStepId id, int position, OnboardingStepKind kind,
        String title, String url) {
}
