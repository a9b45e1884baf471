package dev.tandem.partner.web;

import java.util.List;
import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PayoutDetails;
import dev.tandem.partner.PayoutDetailsInput;
import dev.tandem.partner.PayoutDetailsSummary;
import dev.tandem.partner.PortalPage;
import dev.tandem.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the partner is paid. What is stored is shown only as a masked summary; the form is always
 * empty again after saving, so bank details never travel back to the browser.
 */
@Controller
@PortalPage
class PortalPayoutController {

    private final PayoutDetails payoutDetails;

    PortalPayoutController(PayoutDetails payoutDetails) {
        this.payoutDetails = payoutDetails;
    }

    record PayoutForm(String method, String holderName, String iban, String bic, String email, String accountId) {
    }

    @GetMapping("/portal/payout")
    String payout(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        PayoutDetailsSummary current = payoutDetails.summary(me.workspaceId(), me.partnerId()).orElse(null);
        model.addAttribute("form", new PayoutForm(current == null ? "sepa" : current.method(), "", "", "", "", ""));
        return page(current, model);
    }

    @PostMapping("/portal/payout")
    String save(@AuthenticationPrincipal PartnerPrincipal me, @ModelAttribute("form") PayoutForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        try {
            payoutDetails.save(me.workspaceId(), me.asActor(), me.partnerId(), PayoutDetailsInput.of(form.method(),
                    form.holderName(), form.iban(), form.bic(), form.email(), form.accountId()));
            flash.addFlashAttribute("notice", "portal.payout.saved");
            return "redirect:/portal/payout";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of("type", "method"));
            return page(payoutDetails.summary(me.workspaceId(), me.partnerId()).orElse(null), model);
        }
    }

    private String page(PayoutDetailsSummary current, Model model) {
        model.addAttribute("current", current);
        model.addAttribute("methods", List.of("sepa", "paypal", "stripe", "manual"));
        return "partner/portal/payout";
    }
}
