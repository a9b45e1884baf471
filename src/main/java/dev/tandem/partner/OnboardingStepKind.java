package dev.tandem.partner;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an onboarding step asks for. Some are ticked by Tandem when the thing happens (accepting the
 * agreement, a complete profile, payout details, the first link); the others by the partner.
 */
public enum OnboardingStepKind {
    ACCEPT_AGREEMENT(false), COMPLETE_PROFILE(false), ADD_PAYOUT_DETAILS(false), READ_PAGE(true), WATCH_VIDEO(true),
    CREATE_FIRST_LINK(false), CUSTOM(true);

    private final boolean tickedByPartner;

    OnboardingStepKind(boolean tickedByPartner) {
        this.tickedByPartner = tickedByPartner;
    }

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<OnboardingStepKind> fromCode(String code) {
        return code == null ? Optional.empty()
                : Arrays.stream(values()).filter(k -> k.code().equals(code.trim().toLowerCase())).findFirst();
    }

    /** Whether the partner ticks it themselves; otherwise Tandem does when it happens. */
    public boolean tickedByPartner() {
        return tickedByPartner;
    }
}
