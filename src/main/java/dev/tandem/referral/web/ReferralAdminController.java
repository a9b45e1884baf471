package dev.tandem.referral.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.core.ConflictException;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.ListPage;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerDirectory;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.referral.ConversionEvent;
import dev.tandem.referral.Referral;
import dev.tandem.referral.ReferralId;
import dev.tandem.referral.ReferralStatus;
import dev.tandem.referral.Referrals;
import dev.tandem.web.FormErrors;
import dev.tandem.workspace.StaffPrincipal;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The referral pipeline for managers: every referral with filters and search, newest first, and
 * each referral's page with its customer, partner, history, events and why each event was
 * credited as it was, with a form to move the referral (to lost, churned…) and say why.
 */
@Controller
@RequestMapping("/admin/referrals")
class ReferralAdminController {

    /** The unattributed badge counts up to this, then says "100+". */
    static final int BADGE_LIMIT = 100;

    private final Referrals referrals;
    private final Programs programs;
    private final Partners partners;
    private final PartnerDirectory directory;
    private final ReferralPageNames names;
    private final MessageSource messages;

    ReferralAdminController(Referrals referrals, Programs programs, Partners partners, PartnerDirectory directory,
            ReferralPageNames names, MessageSource messages) {
        this.referrals = referrals;
        this.programs = programs;
        this.partners = partners;
        this.directory = directory;
        this.names = names;
        this.messages = messages;
    }

    /** The move form: the status to move to and why. */
    record MoveForm(String status, String reason) {
    }

    /** One event with its explanation in names. */
    record EventView(ConversionEvent event, ReferralPageExplanation explanation) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(name = "program", required = false) String program,
            @RequestParam(name = "partner", required = false) String partner,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "q", required = false) String search,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "dir", required = false) String dir,
            @RequestParam(name = "page", required = false) String pageNumber, Model model) {
        WorkspaceId workspace = me.workspaceId();
        ProgramId programId = blank(program) ? null : ProgramId.parse(program.trim());
        PartnerId partnerId = blank(partner) ? null : PartnerId.parse(partner.trim());
        ReferralStatus statusFilter = status(status);
        String query = blank(search) ? null : search.trim();
        ListPage<Referrals.Row> page = referrals.sorted(workspace,
                new Referrals.Filter(programId, partnerId, statusFilter, query),
                Referrals.SORTS.read(sort, dir, pageNumber));
        model.addAttribute("rows", page.rows());
        model.addAttribute("page", page);
        model.addAttribute("programs", programs.list(workspace));
        model.addAttribute("partners", partnerOptions(workspace, partnerId));
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("selectedProgram", programId == null ? "" : programId.toString());
        model.addAttribute("selectedPartner", partnerId == null ? "" : partnerId.toString());
        model.addAttribute("selectedStatus", statusFilter == null ? "" : statusFilter.code());
        model.addAttribute("query", query == null ? "" : query);
        model.addAttribute("filtered", programId != null || partnerId != null || statusFilter != null || query != null);
        Page<ConversionEvent> waiting = referrals.unattributed(workspace, new PageRequest(BADGE_LIMIT, null));
        model.addAttribute("unattributed", waiting.data().size());
        model.addAttribute("unattributedMore", waiting.hasMore());
        return "referral/admin/referrals";
    }

    @GetMapping("/{referralId}")
    String referral(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String referralId, Model model) {
        model.addAttribute("move", new MoveForm("", ""));
        return detail(me.workspaceId(), ReferralId.parse(referralId), model);
    }

    @PostMapping("/{referralId}/status")
    String move(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String referralId,
            @ModelAttribute("move") MoveForm form, BindingResult errors, Model model, Locale locale,
            RedirectAttributes flash) {
        WorkspaceId workspace = me.workspaceId();
        ReferralId id = ReferralId.parse(referralId);
        Referral before = referrals.get(workspace, id);
        ReferralStatus to = status(form.status());
        if (to == null) {
            errors.rejectValue("status", "referral.move.error.status", "Choose the status to move to.");
            return detail(workspace, id, model);
        }
        try {
            referrals.move(workspace, me.asActor(), id, to, form.reason() == null ? "" : form.reason().trim());
        } catch (InvalidInputException e) {
            refused(errors, e.problems(), before.status(), to, locale);
            return detail(workspace, id, model);
        } catch (ConflictException | IllegalStateException e) {
            errors.rejectValue("status", "referral.move.error.transition", transition(before.status(), to, locale),
                    e.getMessage());
            return detail(workspace, id, model);
        }
        flash.addFlashAttribute("notice", "referral.move.done");
        return "redirect:/admin/referrals/" + id;
    }

    /**
     * The service's refusal on the form's fields, in words that name the statuses (its generic
     * codes would only say "is invalid" or "is required").
     */
    private void refused(BindingResult errors, List<FieldProblem> problems, ReferralStatus from, ReferralStatus to,
            Locale locale) {
        for (FieldProblem problem : problems) {
            String field = "to".equals(problem.field()) ? "status" : problem.field();
            String code = problem.code() == null ? "" : problem.code();
            if ("status".equals(field) && code.equals("validation.invalid")) {
                errors.rejectValue("status", "referral.move.error.transition", transition(from, to, locale),
                        problem.message());
            } else if ("reason".equals(field) && code.equals("validation.required")) {
                errors.rejectValue("reason", "referral.move.error.reasonRequired",
                        new Object[] {label("referral.status.", to.code(), locale)}, problem.message());
            } else if ("reason".equals(field) && code.equals("validation.tooLong")) {
                errors.rejectValue("reason", "referral.move.error.reasonTooLong", problem.message());
            } else {
                FormErrors.reject(errors, new InvalidInputException(List.of(problem)), Map.of("to", "status"));
            }
        }
    }

    private Object[] transition(ReferralStatus from, ReferralStatus to, Locale locale) {
        return new Object[] {label("referral.status.", from.code(), locale), label("referral.status.", to.code(), locale)};
    }

    private String detail(WorkspaceId workspace, ReferralId id, Model model) {
        Referral referral = referrals.get(workspace, id);
        ReferralPageNames.Lookup lookup = names.in(workspace);
        Program program = programs.get(workspace, referral.programId());
        model.addAttribute("referral", referral);
        model.addAttribute("customer", referrals.customer(workspace, referral.customerId()));
        model.addAttribute("partner", partners.get(workspace, referral.partnerId()));
        model.addAttribute("program", program);
        model.addAttribute("link", lookup.link(referral.linkId()));
        model.addAttribute("history", referrals.history(workspace, id));
        model.addAttribute("events", referrals.events(workspace, id).stream()
                .map(e -> new EventView(e, ReferralPageExplanation.forStaff(e.attribution(), lookup))).toList());
        model.addAttribute("moves", Arrays.stream(ReferralStatus.values())
                .filter(s -> s != referral.status()).toList());
        return "referral/admin/referral";
    }

    /** The newest partners for the filter, and the chosen one even when older. */
    private List<Partner> partnerOptions(WorkspaceId workspace, PartnerId chosen) {
        List<Partner> options = new ArrayList<>(directory.list(workspace, null, null, new PageRequest(100, null))
                .data().stream().map(PartnerDirectory.Listed::partner).toList());
        if (chosen != null && options.stream().noneMatch(p -> p.id().equals(chosen))) {
            options.add(partners.get(workspace, chosen));
        }
        return options;
    }

    private String label(String prefix, String code, Locale locale) {
        return messages.getMessage(prefix + code, null, code, locale);
    }

    /** A status from a form or a filter; unknown or blank is none. */
    static ReferralStatus status(String code) {
        return blank(code) ? null : ReferralStatus.fromCode(code.trim().toLowerCase(Locale.ROOT)).orElse(null);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
