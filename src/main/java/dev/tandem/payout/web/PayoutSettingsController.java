package dev.tandem.payout.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Money;
import dev.tandem.payout.PayoutSettings;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.workspace.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Payout settings: the business's paying account and invoicing details, the Stripe key for
 * Connect transfers, and each program's schedule, cut-off, minimum and approval rule.
 */
@Controller
class PayoutSettingsController {

    private static final String PAGE = "redirect:/admin/payouts/settings";

    private final PayoutSettings settings;
    private final Programs programs;
    private final PayoutPages pages;

    PayoutSettingsController(PayoutSettings settings, Programs programs, PayoutPages pages) {
        this.settings = settings;
        this.programs = programs;
        this.pages = pages;
    }

    record ProgramSchedule(Program program, PayoutSettings.Schedule schedule, String minimum) {
    }

    @GetMapping("/admin/payouts/settings")
    String page(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("account", settings.account(me.workspaceId()));
        List<ProgramSchedule> schedules = programs.list(me.workspaceId()).stream().filter(p -> p.archivedAt() == null)
                .map(p -> {
                    PayoutSettings.Schedule s = settings.schedule(me.workspaceId(), p.id());
                    Money min = s.minimum(p.currency());
                    return new ProgramSchedule(p, s, min.isZero() ? "" : min.toMajor().toPlainString());
                }).toList();
        model.addAttribute("schedules", schedules);
        return "payout/admin/settings";
    }

    @PostMapping("/admin/payouts/settings/account")
    String account(@AuthenticationPrincipal StaffPrincipal me, @RequestParam Map<String, String> form, Locale locale,
            RedirectAttributes flash) {
        try {
            settings.saveAccount(me.workspaceId(), me.asActor(), new PayoutSettings.BusinessAccount(form.get("name"),
                    form.get("iban"), form.get("bic"), form.get("address"), form.get("country"), form.get("vatId"), ""));
            flash.addFlashAttribute("notice", "payout.settings.accountSaved");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("refusal", pages.refusal(e, locale));
            flash.addFlashAttribute("accountForm", form);
        }
        return PAGE;
    }

    @PostMapping("/admin/payouts/settings/stripe-key")
    String stripeKey(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String stripeKey,
            Locale locale, RedirectAttributes flash) {
        try {
            settings.saveStripeKey(me.workspaceId(), me.asActor(), stripeKey);
            flash.addFlashAttribute("notice", "payout.settings.stripeKeySaved");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("refusal", pages.refusal(e, locale));
        }
        return PAGE;
    }

    @PostMapping("/admin/payouts/settings/programs/{id}")
    String schedule(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
            @RequestParam(required = false) String frequency, @RequestParam(required = false) String day,
            @RequestParam(required = false) String cutoffDays, @RequestParam(required = false) String requireApproval,
            @RequestParam(required = false) String minimum, Locale locale, RedirectAttributes flash) {
        ProgramId programId = ProgramId.parse(id);
        Program program = programs.get(me.workspaceId(), programId);
        try {
            Map<String, Long> minimums = new LinkedHashMap<>();
            if (minimum != null && !minimum.isBlank()) {
                minimums.put(program.currency().getCurrencyCode(), minor(minimum, program));
            }
            settings.saveSchedule(me.workspaceId(), me.asActor(), programId, frequency, number("day", day),
                    number("cutoffDays", cutoffDays), requireApproval != null, minimums);
            flash.addFlashAttribute("notice", "payout.settings.scheduleSaved");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("refusal", program.name() + ": " + pages.refusal(e, locale));
        }
        return PAGE;
    }

    private static Integer number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "payout.error.number", "must be a whole number");
        }
    }

    private static long minor(String value, Program program) {
        try {
            return Money.ofMajor(new java.math.BigDecimal(value.trim().replace(',', '.')), program.currency()).amount();
        } catch (RuntimeException e) {
            throw InvalidInputException.of("minimums." + program.currency().getCurrencyCode(), "payout.error.minimum",
                    "must be zero or more");
        }
    }
}
