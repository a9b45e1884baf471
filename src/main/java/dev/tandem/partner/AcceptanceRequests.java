package dev.tandem.partner;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.notification.Emails;
import dev.tandem.partner.internal.AcceptanceRepository;
import dev.tandem.partner.internal.PartnerRepository;
import dev.tandem.program.AgreementPublished;
import dev.tandem.program.AgreementVersion;
import dev.tandem.program.Agreements;
import dev.tandem.program.Program;
import dev.tandem.program.Programs;
import dev.tandem.program.TierId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a new agreement version is published, every approved partner it applies to is told by
 * email, in their language, with a sign-in link: a program's version reaches the partners of tiers
 * without their own agreement; a tier's version reaches that tier's partners. Their links keep
 * working meanwhile; the portal shows the pending acceptance until they accept.
 */
@Component
class AcceptanceRequests {

    private static final Logger log = LoggerFactory.getLogger(AcceptanceRequests.class);
    private static final int PAGE = 500;

    private final PartnerRepository partners;
    private final Agreements agreements;
    private final Programs programs;
    private final PortalLinks links;
    private final Emails emails;
    private final Onboarding onboarding;
    private final AcceptanceRepository notices;
    private final Clock clock;

    AcceptanceRequests(PartnerRepository partners, Agreements agreements, Programs programs, PortalLinks links,
            Emails emails, Onboarding onboarding, AcceptanceRepository notices, Clock clock) {
        this.partners = partners;
        this.agreements = agreements;
        this.programs = programs;
        this.links = links;
        this.emails = emails;
        this.onboarding = onboarding;
        this.notices = notices;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void published(AgreementPublished event) {
        Program program = programs.get(event.workspaceId(), event.programId());
        AgreementVersion version = agreements.get(event.workspaceId(), event.agreementVersionId());
        Map<TierId, Boolean> tierFollowsThisVersion = new HashMap<>();
        int told = 0;
        List<Enrollment> approved = approved(event);
        Map<PartnerId, Partner> partnersById = new HashMap<>();
        partners.findAll(event.workspaceId(), approved.stream().map(Enrollment::partnerId).toList())
                .forEach(partner -> partnersById.put(partner.id(), partner));
        for (Enrollment enrollment : approved) {
            boolean applies = tierFollowsThisVersion.computeIfAbsent(enrollment.tierId(),
                    tier -> agreements.current(event.workspaceId(), event.programId(), tier)
                            .map(current -> current.id().equals(version.id())).orElse(false));
            // a resubmitted event (after a crash or a failure) must not tell anyone twice
            if (!applies || !notices.noticeOnce(event.workspaceId(), enrollment.id(), version.id(), clock.instant())) {
                continue;
            }
            // the checklist's "accept the agreement" is open again until this version is accepted
            onboarding.systemUndone(event.workspaceId(), enrollment.id(), OnboardingStepKind.ACCEPT_AGREEMENT);
            Partner partner = partnersById.get(enrollment.partnerId());
            String link = links.issue(event.workspaceId(), partner.id(), PortalLinks.Purpose.WELCOME);
            Map<String, Object> model = new HashMap<>();
            model.put("partnerName", partner.name());
            model.put("programName", program.name());
            model.put("title", version.title());
            model.put("version", version.version());
            model.put("link", new Emails.Secret(link));
            model.put("days", PortalLinks.WELCOME_VALIDITY.toDays());
            model.put("portalUrl", links.portalUrl() + "/login");
            model.put(Emails.SUBJECT_ARGS, List.of(program.name()));
            emails.send(event.workspaceId(), partner.email(), partner.language(), "agreement-published", model);
            told++;
        }
        log.info("Agreement version {} of program {}: {} partner(s) asked to accept it", version.version(),
                program.id(), told);
    }

    private List<Enrollment> approved(AgreementPublished event) {
        List<Enrollment> all = new ArrayList<>();
        UUID after = null;
        while (true) {
            List<Enrollment> page = partners.enrollmentsIn(event.workspaceId(), event.programId(),
                    EnrollmentStatus.APPROVED, after, PAGE);
            page.stream().filter(e -> event.tierId() == null || e.tierId().equals(event.tierId())).forEach(all::add);
            if (page.size() < PAGE) {
                return all;
            }
            after = page.get(page.size() - 1).id().value();
        }
    }
}
