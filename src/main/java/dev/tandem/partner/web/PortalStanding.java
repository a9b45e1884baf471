package dev.tandem.partner.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalSignIn;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * Whether a partner still has a program to work in, or only sees how their applications ended.
 * One per request: the layout and the page both ask for the partner's enrollments, which are read once.
 */
@Component
@RequestScope
class PortalStanding {

    private static final Set<EnrollmentStatus> ENDED = EnumSet.of(EnrollmentStatus.REJECTED, EnrollmentStatus.BANNED,
            EnrollmentStatus.ARCHIVED);

    private final PortalSignIn signIn;
    private PartnerId readFor;
    private List<Enrollment> enrollments;

    PortalStanding(PortalSignIn signIn) {
        this.signIn = signIn;
    }

    /** The partner's enrollments, read once per request. */
    public List<Enrollment> enrollments(PartnerPrincipal me) {
        if (enrollments == null || !me.partnerId().equals(readFor)) {
            enrollments = signIn.enrollments(me);
            readFor = me.partnerId();
        }
        return enrollments;
    }

    /** Every enrollment was rejected, banned or archived (or there is none): the portal shows only that. */
    public boolean closed(PartnerPrincipal me) {
        return enrollments(me).stream().allMatch(e -> ENDED.contains(e.status()));
    }
}
