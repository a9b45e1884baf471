package dev.tandem.partner.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.tandem.partner.AcceptanceStatus;
import dev.tandem.partner.AgreementAcceptances;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Onboarding;
import dev.tandem.partner.OnboardingProgress;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalHomeSection;
import dev.tandem.partner.PortalPage;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's home: each program the partner is in, with tier, status, agreement and onboarding progress. */
@Controller
@PortalPage
class PortalHomeController {

    private final PortalStanding standing;
    private final Programs programs;
    private final AgreementAcceptances acceptances;
    private final Onboarding onboarding;
    private final ObjectProvider<PortalHomeSection> sections;

    PortalHomeController(PortalStanding standing, Programs programs, AgreementAcceptances acceptances,
            Onboarding onboarding, ObjectProvider<PortalHomeSection> sections) {
        this.standing = standing;
        this.programs = programs;
        this.acceptances = acceptances;
        this.onboarding = onboarding;
        this.sections = sections;
    }

    /** A section another module adds to the home: its template and what it shows. */
    record Section(String template, Object data) {
    }

    /** One program on the home page; agreement and onboarding only once approved. */
    record ProgramRow(Enrollment enrollment, String programName, String tierName, AcceptanceStatus agreement,
            OnboardingProgress onboarding) {
    }

    @GetMapping("/portal")
    String home(@AuthenticationPrincipal PartnerPrincipal me, Model model, Locale locale) {
        Map<ProgramId, Program> seen = new HashMap<>();
        // the layout's model read them already for this request
        List<ProgramRow> rows = standing.enrollments(me).stream().map(e -> {
            Program program = seen.computeIfAbsent(e.programId(), id -> programs.get(me.workspaceId(), id));
            String tier = programs.tier(me.workspaceId(), e.programId(), e.tierId()).name();
            if (e.status() != EnrollmentStatus.APPROVED) {
                return new ProgramRow(e, program.name(), tier, null, null);
            }
            return new ProgramRow(e, program.name(), tier, acceptances.status(me.workspaceId(), e),
                    onboarding.progress(me.workspaceId(), e));
        }).toList();
        model.addAttribute("rows", rows);
        // a partner whose programs all ended sees only that, not figures
        model.addAttribute("sections", standing.closed(me) ? List.of() : sections.orderedStream()
                .map(s -> new Section(s.template(), s.data(me, locale))).filter(s -> Objects.nonNull(s.data())).toList());
        return "partner/portal/home";
    }
}
