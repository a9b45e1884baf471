package dev.tandem.partner.web;

import dev.tandem.core.ConflictException;
import dev.tandem.partner.EnrollmentId;
import dev.tandem.partner.Onboarding;
import dev.tandem.partner.OnboardingStepId;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner's onboarding checklists, one per program they are approved in; they tick their own steps here. */
@Controller
@PortalPage
class PortalOnboardingController {

    private final Onboarding onboarding;

    PortalOnboardingController(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    @GetMapping("/portal/onboarding")
    String onboarding(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        model.addAttribute("checklists", onboarding.progressOf(me.workspaceId(), me.partnerId()));
        return "partner/portal/onboarding";
    }

    @PostMapping("/portal/onboarding/{enrollmentId}/steps/{stepId}")
    String tick(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable String enrollmentId,
            @PathVariable String stepId, RedirectAttributes flash) {
        try {
            onboarding.tick(me, EnrollmentId.parse(enrollmentId), OnboardingStepId.parse(stepId));
            flash.addFlashAttribute("notice", "portal.onboarding.ticked");
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", "portal.onboarding.error.notYours");
        }
        return "redirect:/portal/onboarding";
    }
}
