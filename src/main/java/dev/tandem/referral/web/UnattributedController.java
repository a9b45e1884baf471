package dev.tandem.referral.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.core.ConflictException;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidIdException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerDirectory;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.referral.ConversionEvent;
import dev.tandem.referral.Customer;
import dev.tandem.referral.EventId;
import dev.tandem.referral.EventType;
import dev.tandem.referral.Intake;
import dev.tandem.referral.Referrals;
import dev.tandem.workspace.StaffPrincipal;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Events nobody got the credit for, newest first, each with the reason, and a form to give it to
 * one of the program's approved partners by hand (which creates or moves the referral).
 */
@Controller
@RequestMapping("/admin/referrals/unattributed")
class UnattributedController {

    static final int PAGE_SIZE = 25;
    /** How many approved partners a program offers in the assign form. */
    static final int PARTNER_CHOICES = 100;

    private final Referrals referrals;
    private final Intake intake;
    private final Programs programs;
    private final PartnerDirectory directory;
    private final ReferralPageNames names;
    private final MessageSource messages;

    UnattributedController(Referrals referrals, Intake intake, Programs programs, PartnerDirectory directory,
            ReferralPageNames names, MessageSource messages) {
        this.referrals = referrals;
        this.intake = intake;
        this.programs = programs;
        this.directory = directory;
        this.names = names;
        this.messages = messages;
    }

    /** One waiting event with its customer (if known), program name, explanation and the partners it may go to. */
    record Waiting(ConversionEvent event, Customer customer, String programName, ReferralPageExplanation explanation,
            List<Partner> candidates) {

        /** Why this event cannot be given to anyone (a message key), or null when it can. */
        public String notAssignable() {
            if (event.type() == EventType.REFUND || event.type() == EventType.CHARGEBACK) {
                return "referral.unattributed.followsSale";
            }
            return event.customerId() == null ? "referral.unattributed.nobodyToCredit" : null;
        }
    }

    /** A failed assignment, shown next to its event's form. */
    record AssignProblem(String eventId, String field, String message, String partner, String reason)
            implements Serializable {
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(name = "before", required = false) String before, Model model) {
        WorkspaceId workspace = me.workspaceId();
        Page<ConversionEvent> page = referrals.unattributed(workspace, PageRequest.of(PAGE_SIZE, before, EventId.PREFIX));
        ReferralPageNames.Lookup lookup = names.in(workspace);
        Map<ProgramId, List<Partner>> candidates = new HashMap<>();
        List<Waiting> rows = page.data().stream().map(e -> new Waiting(e,
                e.customerId() == null ? null : referrals.customer(workspace, e.customerId()),
                lookup.program(e.programId()),
                ReferralPageExplanation.forStaff(e.attribution(), lookup),
                candidates.computeIfAbsent(e.programId(), program -> approvedPartners(workspace, program)))).toList();
        model.addAttribute("rows", rows);
        if (page.hasMore()) {
            model.addAttribute("olderCursor", page.data().get(page.data().size() - 1).id().toString());
        }
        return "referral/admin/unattributed";
    }

    @PostMapping("/{eventId}/assign")
    String assign(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String eventId,
            @RequestParam(name = "partner", required = false) String partner,
            @RequestParam(name = "reason", required = false) String reason, Locale locale, RedirectAttributes flash) {
        WorkspaceId workspace = me.workspaceId();
        EventId id = EventId.parse(eventId);
        referrals.event(workspace, id);
        String why = reason == null ? "" : reason.trim();
        PartnerId partnerId;
        try {
            partnerId = PartnerId.parse(partner == null ? "" : partner.trim());
        } catch (InvalidIdException e) {
            return refused(flash, new AssignProblem(eventId, "partner",
                    text("referral.assign.error.partner", "Choose the partner who gets the credit.", locale),
                    "", why));
        }
        try {
            ConversionEvent assigned = intake.assign(workspace, me.asActor(), id, partnerId, why);
            flash.addFlashAttribute("notice", "referral.assign.done");
            flash.addFlashAttribute("assignedReferral", assigned.referralId() == null ? null
                    : assigned.referralId().toString());
            return "redirect:/admin/referrals/unattributed";
        } catch (InvalidInputException e) {
            FieldProblem problem = e.problems().get(0);
            boolean onReason = "reason".equals(problem.field());
            // the service's generic codes would only say "is invalid": say what is wrong with the partner
            String message = onReason ? text(problem.code(), problem.message(), locale)
                    : text("referral.assign.error.notApproved", problem.message(), locale);
            return refused(flash, new AssignProblem(eventId, onReason ? "reason" : "partner", message,
                    partnerId.toString(), why));
        } catch (ConflictException | IllegalStateException | NotFoundException e) {
            return refused(flash, new AssignProblem(eventId, "partner",
                    text("referral.assign.error.refused", e.getMessage(), locale), partnerId.toString(), why));
        }
    }

    private static String refused(RedirectAttributes flash, AssignProblem problem) {
        flash.addFlashAttribute("assignProblem", problem);
        return "redirect:/admin/referrals/unattributed#" + problem.eventId();
    }

    /** The program's approved partners by name; without a program, those of every program. */
    private List<Partner> approvedPartners(WorkspaceId workspace, ProgramId program) {
        List<ProgramId> inScope = program != null ? List.of(program)
                : programs.list(workspace).stream().map(Program::id).toList();
        Map<PartnerId, Partner> found = new LinkedHashMap<>();
        for (ProgramId p : inScope) {
            directory.members(workspace, p, EnrollmentStatus.APPROVED, new PageRequest(PARTNER_CHOICES, null)).data()
                    .forEach(m -> found.putIfAbsent(m.partner().id(), m.partner()));
        }
        List<Partner> sorted = new ArrayList<>(found.values());
        sorted.sort(Comparator.comparing(Partner::name, String.CASE_INSENSITIVE_ORDER));
        return sorted;
    }

    private String text(String code, String english, Locale locale) {
        return code == null ? english : messages.getMessage(code, null, english, locale);
    }
}
