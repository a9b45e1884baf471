package dev.tandem.tracking;

import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.EnrollmentStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every partner approved in a program gets a default link and a referral code there, so that the
 * portal shows something to share on the first visit. Safe to run twice (the event may be
 * redelivered): an existing link or code is kept.
 */
@Component
class LinksOnApproval {

    private final Links links;
    private final ApprovedPartners approved;

    LinksOnApproval(Links links, ApprovedPartners approved) {
        this.links = links;
        this.approved = approved;
    }

    @ApplicationModuleListener
    void statusChanged(EnrollmentStatusChanged event) {
        // approved then suspended before this ran: nothing to make (the pages make it once approved again)
        if (event.to() != EnrollmentStatus.APPROVED
                || !approved.approved(event.workspaceId(), event.programId(), event.partnerId())) {
            return;
        }
        links.defaultLink(event.workspaceId(), event.programId(), event.partnerId());
        links.referralCode(event.workspaceId(), event.programId(), event.partnerId());
    }
}
