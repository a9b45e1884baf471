package dev.tandem.partner;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** One step of a program's onboarding checklist; {@code obs_…} outside. */
public record OnboardingStepId(UUID value) implements TypedId {

    public static final String PREFIX = "obs";

    public static OnboardingStepId parse(String publicId) {
        return new OnboardingStepId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
