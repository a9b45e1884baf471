package dev.tandem.referral.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidIdException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Language;
import dev.tandem.core.NotFoundException;
import dev.tandem.referral.EventSource;
import dev.tandem.referral.Intake;
import dev.tandem.referral.internal.LeadDetails;
import dev.tandem.referral.internal.LeadFormStamps;
import dev.tandem.referral.internal.LeadRateLimits;
import dev.tandem.web.FormErrors;
import dev.tandem.workspace.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A partner's hosted referral page {@code /p/{programSlug}/{referralCode}} ("Ana invited you"): the
 * program's pitch and a contact form whose lead is credited to the partner whose referral code is in
 * the address (and to a click, if the visitor came through a tracking link). Spam is kept out by a
 * hidden field people never fill, a minimum time to fill the form, and a limit per client address.
 * Other modules link to it by that pattern: the program's slug, then the partner's referral code.
 */
@Controller
@RequestMapping("/p/{programSlug}/{partnerCode}")
class HostedPageController {

    /** The cookie the redirect sets on Tandem's own domain, read when the click id is not in the address. */
    static final String CLICK_COOKIE = "tnd_click";
    private static final Actor ACTOR = new Actor(Actor.Kind.SYSTEM, null, "Hosted referral page");
    private static final Map<String, String> INTAKE_FIELDS = Map.of("customer.email", "email", "customer.name", "name",
            "customer.company", "company", "metadata.message", "message");

    private final HostedPageInvitations invitations;
    private final Intake intake;
    private final LeadFormStamps stamps;
    private final LeadRateLimits limits;
    private final Clock clock;

    HostedPageController(HostedPageInvitations invitations, Intake intake, LeadFormStamps stamps, LeadRateLimits limits,
            Clock clock) {
        this.invitations = invitations;
        this.intake = intake;
        this.stamps = stamps;
        this.limits = limits;
        this.clock = clock;
    }

    /** The form as posted; {@code website} is the honeypot, hidden from people by the stylesheet. */
    record LeadForm(String name, String email, String company, String message, String stamp, String clickId,
            String website) {

        static LeadForm empty() {
            return new LeadForm("", "", "", "", "", "", "");
        }
    }

    @GetMapping
    String form(@PathVariable String programSlug, @PathVariable String partnerCode,
            @RequestParam(name = "tnd_click", required = false) String clickId, Model model) {
        HostedPageInvitations.Invitation invitation = invitations.open(programSlug, partnerCode);
        model.addAttribute("form", LeadForm.empty());
        return page(invitation, LeadDetails.clickId(clickId), false, model);
    }

    @PostMapping
    String send(@PathVariable String programSlug, @PathVariable String partnerCode,
            @ModelAttribute("form") LeadForm form, BindingResult errors,
            @CookieValue(name = CLICK_COOKIE, required = false) String clickCookie, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        HostedPageInvitations.Invitation invitation = invitations.open(programSlug, partnerCode);
        String fromForm = LeadDetails.clickId(form.clickId());
        String clickId = fromForm != null ? fromForm : LeadDetails.clickId(clickCookie);
        Duration wait = limits.hostedPage(request.getRemoteAddr());
        if (!wait.isZero()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
            model.addAttribute("invitation", invitation);
            model.addAttribute("minutes", Math.max(1, (wait.toSeconds() + 59) / 60));
            return "referral/public/too-many";
        }
        if (form.website() != null && !form.website().isBlank()) {
            // a script filled the field people never see: thank it like a person, store nothing
            return "redirect:" + invitation.path() + "/thanks";
        }
        if (!stamps.humanlyFilled(invitation.workspace(), invitation.code().id().value(), form.stamp(), clock.instant())) {
            return page(invitation, clickId, true, model);
        }
        LeadDetails details = new LeadDetails(form.name(), form.email(), form.company(), form.message());
        try {
            List<FieldProblem> problems = details.problems();
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            intake.record(invitation.workspace(), ACTOR, details.lead("form_" + UUID.randomUUID(), clock.instant(),
                    invitation.program().id(), invitation.code().code(), clickId, invitation.path()), EventSource.HOSTED_PAGE);
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, INTAKE_FIELDS);
            return page(invitation, clickId, false, model);
        }
        return "redirect:" + invitation.path() + "/thanks";
    }

    @GetMapping("/thanks")
    String thanks(@PathVariable String programSlug, @PathVariable String partnerCode, Model model) {
        model.addAttribute("invitation", invitations.open(programSlug, partnerCode));
        return "referral/public/thanks";
    }

    @ExceptionHandler({NotFoundException.class, InvalidIdException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        // exception handlers get a fresh model, without the layout's language list
        model.addAttribute("languages", List.of(Language.values()));
        return "referral/public/not-found";
    }

    private String page(HostedPageInvitations.Invitation invitation, String clickId, boolean tooFast, Model model) {
        model.addAttribute("invitation", invitation);
        // a fresh stamp on every showing: whoever is sent back to the form starts the clock again
        model.addAttribute("stamp", stamps.issue(invitation.workspace(), invitation.code().id().value(), clock.instant()));
        model.addAttribute("clickId", clickId == null ? "" : clickId);
        model.addAttribute("tooFast", tooFast);
        return "referral/public/form";
    }
}
