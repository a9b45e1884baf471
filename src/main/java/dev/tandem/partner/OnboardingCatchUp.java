package dev.tandem.partner;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A partner approved into a program may have done some steps already (a complete profile, payout
 * details added for another program): those are ticked as soon as the approval is committed.
 */
@Component
class OnboardingCatchUp {

    private final Partners partners;
    private final Onboarding onboarding;

    OnboardingCatchUp(Partners partners, Onboarding onboarding) {
        this.partners = partners;
        this.onboarding = onboarding;
    }

    @ApplicationModuleListener
    void statusChanged(EnrollmentStatusChanged event) {
        if (event.to() == EnrollmentStatus.APPROVED) {
            onboarding.catchUp(event.workspaceId(), partners.enrollment(event.workspaceId(), event.enrollmentId()));
        }
    }
}
