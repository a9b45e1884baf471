package dev.tandem.integration.web;

import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.integration.StripeAccount;
import dev.tandem.integration.StripeSettings;
import dev.tandem.integration.StripeWebhooks;
import dev.tandem.web.FormErrors;
import dev.tandem.workspace.StaffPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workspace's Stripe page: the endpoint address to paste into Stripe, its signing secret, the
 * promotion codes that stand for partners' coupons, and the latest events Stripe sent with what
 * became of each. Owners, admins and managers change it; viewers only look.
 */
@Controller
@RequestMapping("/admin/integrations/stripe")
class StripeAdminController {

    private static final String PAGE = "redirect:/admin/integrations/stripe";

    private final StripeSettings settings;
    private final String publicUrl;

    StripeAdminController(StripeSettings settings,
            @Value("${tandem.public-url:http://localhost:8080}") String publicUrl) {
        this.settings = settings;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    record SecretForm(String signingSecret) {
    }

    record PromotionCodeForm(String promotionCode, String code) {
    }

    @GetMapping
    String page(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("secretForm", new SecretForm(""));
        model.addAttribute("promotionCodeForm", new PromotionCodeForm("", ""));
        return render(me, model);
    }

    @PostMapping("/secret")
    String secret(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute("secretForm") SecretForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        try {
            settings.setSigningSecret(me.workspaceId(), me.asActor(), form.signingSecret());
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            model.addAttribute("promotionCodeForm", new PromotionCodeForm("", ""));
            return render(me, model);
        }
        flash.addFlashAttribute("notice", "integration.stripe.secret.saved");
        return PAGE;
    }

    @PostMapping("/promotion-codes")
    String mapPromotionCode(@AuthenticationPrincipal StaffPrincipal me,
            @ModelAttribute("promotionCodeForm") PromotionCodeForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        try {
            settings.mapPromotionCode(me.workspaceId(), me.asActor(), form.promotionCode(), form.code());
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            model.addAttribute("secretForm", new SecretForm(""));
            return render(me, model);
        }
        flash.addFlashAttribute("notice", "integration.stripe.promotion.saved");
        return PAGE;
    }

    @PostMapping("/promotion-codes/{promotionCode}/delete")
    String unmapPromotionCode(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String promotionCode,
            RedirectAttributes flash) {
        settings.unmapPromotionCode(me.workspaceId(), me.asActor(), promotionCode);
        flash.addFlashAttribute("notice", "integration.stripe.promotion.deleted");
        return PAGE;
    }

    private String render(StaffPrincipal me, Model model) {
        StripeAccount account = settings.account(me.workspaceId());
        model.addAttribute("account", account);
        model.addAttribute("endpointUrl", publicUrl + "/webhooks/stripe/" + account.endpointKey());
        model.addAttribute("promotionCodes", settings.promotionCodes(me.workspaceId()));
        model.addAttribute("events", settings.recentEvents(me.workspaceId()));
        model.addAttribute("recentLimit", StripeSettings.RECENT_EVENTS);
        model.addAttribute("toleranceMinutes", StripeWebhooks.TOLERANCE_SECONDS / 60);
        return "integration/stripe";
    }
}
