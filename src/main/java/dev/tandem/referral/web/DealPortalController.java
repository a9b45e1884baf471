package dev.tandem.referral.web;

import java.util.List;
import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalPage;
import dev.tandem.program.Program;
import dev.tandem.referral.Claims;
import dev.tandem.referral.Deals;
import dev.tandem.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's deals and claims page: register a prospect, claim a customer who came from them,
 * and follow both — only their own, with the manager's decision and reason.
 */
@Controller
@PortalPage
class DealPortalController {

    private final Deals deals;
    private final Claims claims;

    DealPortalController(Deals deals, Claims claims) {
        this.deals = deals;
        this.claims = claims;
    }

    record DealForm(String programId, String company, String contactName, String email, String expectedValue,
            String currency, String notes) {
        static DealForm empty(List<Program> programs) {
            return new DealForm(programs.size() == 1 ? programs.get(0).id().toString() : "", "", "", "", "", "", "");
        }
    }

    record ClaimForm(String programId, String customerEmail, String customerName, String evidence) {
        static ClaimForm empty(List<Program> programs) {
            return new ClaimForm(programs.size() == 1 ? programs.get(0).id().toString() : "", "", "", "");
        }
    }

    @GetMapping("/portal/deals")
    String page(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        List<Program> programs = deals.programsFor(me.workspaceId(), me.partnerId());
        model.addAttribute("dealForm", DealForm.empty(programs));
        model.addAttribute("claimForm", ClaimForm.empty(programs));
        return page(me, programs, model);
    }

    @GetMapping("/portal/claims")
    String claims() {
        return "redirect:/portal/deals#claims";
    }

    @PostMapping("/portal/deals")
    String register(@AuthenticationPrincipal PartnerPrincipal me, @ModelAttribute("dealForm") DealForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            deals.register(me.workspaceId(), me.partnerId(), new Deals.Registration(form.programId(), form.company(),
                    form.contactName(), form.email(), form.expectedValue(), form.currency(), form.notes()));
            flash.addFlashAttribute("notice", "deal.portal.registered");
            return "redirect:/portal/deals";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            List<Program> programs = deals.programsFor(me.workspaceId(), me.partnerId());
            model.addAttribute("claimForm", ClaimForm.empty(programs));
            return page(me, programs, model);
        }
    }

    @PostMapping("/portal/claims")
    String claim(@AuthenticationPrincipal PartnerPrincipal me, @ModelAttribute("claimForm") ClaimForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            claims.submit(me.workspaceId(), me.partnerId(), new Claims.Submission(form.programId(),
                    form.customerEmail(), form.customerName(), form.evidence()));
            flash.addFlashAttribute("notice", "deal.portal.claimed");
            return "redirect:/portal/deals#claims";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            List<Program> programs = deals.programsFor(me.workspaceId(), me.partnerId());
            model.addAttribute("dealForm", DealForm.empty(programs));
            return page(me, programs, model);
        }
    }

    private String page(PartnerPrincipal me, List<Program> programs, Model model) {
        model.addAttribute("programs", programs);
        model.addAttribute("deals", deals.ofPartner(me.workspaceId(), me.partnerId()));
        model.addAttribute("claims", claims.ofPartner(me.workspaceId(), me.partnerId()));
        return "referral/deals/portal";
    }
}
