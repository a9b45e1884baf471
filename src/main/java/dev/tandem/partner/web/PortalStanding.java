package dev.tandem.partner.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalSignIn;
import org.springframework.stereotype.Component;

/** Whether a partner still has a program to work in, or only sees how their applications ended. */
@Component
class PortalStanding {

    private static final Set<EnrollmentStatus> ENDED = EnumSet.of(EnrollmentStatus.REJECTED, EnrollmentStatus.BANNED,
            EnrollmentStatus.ARCHIVED);

    private final PortalSignIn signIn;

    PortalStanding(PortalSignIn signIn) {
        this.signIn = signIn;
    }

    /** Every enrollment was rejected, banned or archived (or there is none): the portal shows only that. */
    boolean closed(PartnerPrincipal me) {
        List<Enrollment> enrollments = signIn.enrollments(me);
        return enrollments.stream().allMatch(e -> ENDED.contains(e.status()));
    }
}
