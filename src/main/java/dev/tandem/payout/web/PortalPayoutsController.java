package dev.tandem.payout.web;

import java.util.Locale;
import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.Partners;
import dev.tandem.partner.PortalPage;
import dev.tandem.payout.Payout;
import dev.tandem.payout.PayoutId;
import dev.tandem.payout.PayoutRuns;
import dev.tandem.payout.PayoutSettings;
import dev.tandem.payout.PayoutStatements;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's payouts in the portal: what was paid, how and when, what is on its way, why a
 * balance was held back and what to do about it, each payout's statement (and self-billing
 * invoice), and the billing details invoices carry.
 */
@Controller
@PortalPage
class PortalPayoutsController {

    private final PayoutRuns runs;
    private final PayoutStatements statements;
    private final PayoutSettings settings;
    private final Partners partners;
    private final PayoutPages pages;

    PortalPayoutsController(PayoutRuns runs, PayoutStatements statements, PayoutSettings settings, Partners partners,
            PayoutPages pages) {
        this.runs = runs;
        this.statements = statements;
        this.settings = settings;
        this.partners = partners;
        this.pages = pages;
    }

    @GetMapping("/portal/payouts")
    String page(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        model.addAttribute("payouts", runs.ofPartner(me.workspaceId(), me.partnerId(), 100));
        model.addAttribute("held", runs.heldBack(me.workspaceId(), me.partnerId()));
        if (!model.containsAttribute("billing")) {
            model.addAttribute("billing", settings.billing(me.workspaceId(), me.partnerId()).map(b -> Map.of(
                    "legalName", b.legalName(), "address", b.address(), "country", b.country(), "vatId", b.vatId()))
                    .orElse(Map.of()));
        }
        return "payout/portal/payouts";
    }

    @PostMapping("/portal/payouts/billing")
    String billing(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam Map<String, String> form, Locale locale,
            RedirectAttributes flash) {
        try {
            settings.saveBilling(me.workspaceId(), me.asActor(), me.partnerId(), new PayoutSettings.Billing(
                    form.get("legalName"), form.get("address"), form.get("country"), form.get("vatId")));
            flash.addFlashAttribute("notice", "payout.portal.billingSaved");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("refusal", pages.refusal(e, locale));
            flash.addFlashAttribute("billing", form);
        }
        return "redirect:/portal/payouts";
    }

    @GetMapping("/portal/payouts/{id}/statement.pdf")
    ResponseEntity<byte[]> statement(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable String id) {
        Payout p = own(me, id);
        return PayoutPages.download(statements.statement(me.workspaceId(), p.id(),
                partners.get(me.workspaceId(), me.partnerId()).language()), MediaType.APPLICATION_PDF,
                p.id() + "-statement.pdf");
    }

    @GetMapping("/portal/payouts/{id}/invoice.pdf")
    ResponseEntity<byte[]> invoice(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable String id) {
        Payout p = own(me, id);
        byte[] pdf = statements.invoice(me.workspaceId(), p.id(), partners.get(me.workspaceId(), me.partnerId())
                .language()).orElseThrow(() -> new NotFoundException("payout " + id + " has no invoice"));
        return PayoutPages.download(pdf, MediaType.APPLICATION_PDF, p.id() + "-invoice.pdf");
    }

    // another partner's payout is as unknown as one that does not exist
    private Payout own(PartnerPrincipal me, String id) {
        Payout p = runs.payout(me.workspaceId(), PayoutId.parse(id));
        if (!p.partnerId().equals(me.partnerId())) {
            throw new NotFoundException("no payout " + id);
        }
        return p;
    }
}
