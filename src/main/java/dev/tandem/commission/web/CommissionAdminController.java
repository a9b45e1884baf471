package dev.tandem.commission.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.commission.Commission;
import dev.tandem.commission.CommissionId;
import dev.tandem.commission.CommissionStatus;
import dev.tandem.commission.Commissions;
import dev.tandem.core.ConflictException;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidIdException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.ListPage;
import dev.tandem.core.ListRequest;
import dev.tandem.program.ProgramId;
import dev.tandem.program.TierId;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Commissions for staff: the list filtered by program, partner and status (with the partner's
 * balances when one is chosen), bulk approval, holds, rejections and releases with a reason, a
 * commission's page with its history, fulfilling non-cash rewards, and manual adjustments.
 */
@Controller
@RequestMapping("/admin/commissions")
class CommissionAdminController {

    private static final List<String> ACTIONS = List.of("approve", "hold", "reject", "release");

    private final Commissions commissions;
    private final CommissionPages pages;
    private final MessageSource messages;

    CommissionAdminController(Commissions commissions, CommissionPages pages, MessageSource messages) {
        this.commissions = commissions;
        this.pages = pages;
        this.messages = messages;
    }

    /** The filters as typed: program id, partner id or words to look for, status code, tier id. */
    record Filters(String program, String partner, String status, String tier) {

        static Filters of(String program, String partner, String status) {
            return of(program, partner, status, null);
        }

        static Filters of(String program, String partner, String status, String tier) {
            return new Filters(trim(program), trim(partner), trim(status), trim(tier));
        }

        /** The list with these filters, in this order and at this page: where a bulk change returns to. */
        String query(ListRequest list) {
            UriComponentsBuilder to = UriComponentsBuilder.fromPath("/admin/commissions");
            if (!program.isEmpty()) {
                to.queryParam("program", program);
            }
            if (!partner.isEmpty()) {
                to.queryParam("partner", partner);
            }
            if (!status.isEmpty()) {
                to.queryParam("status", status);
            }
            if (!tier.isEmpty()) {
                to.queryParam("tier", tier);
            }
            ListRequest unsorted = Commissions.SORTS.first();
            if (!list.sort().equals(unsorted.sort()) || list.descending() != unsorted.descending()) {
                to.queryParam("sort", list.sort()).queryParam("dir", list.dir());
            }
            if (list.page() > 1) {
                to.queryParam("page", list.page());
            }
            return to.encode().toUriString();
        }
    }

    /** The bulk form as sent back after a problem: what was chosen, which action, the reason and the errors. */
    record Bulk(List<String> ids, String action, String reason, Map<String, String> errors) {

        static Bulk empty() {
            return new Bulk(List.of(), "", "", Map.of());
        }

        public boolean chosen(String id) {
            return ids.contains(id);
        }
    }

    /** The adjustment form: amount in major units of the program's currency, negative takes money back. */
    record Adjustment(String programId, String partnerId, String amount, String reason, Map<String, String> errors) {

        static Adjustment empty(String programId, String partnerId) {
            return new Adjustment(programId, partnerId, "", "", Map.of());
        }
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String program,
            @RequestParam(required = false) String partner, @RequestParam(required = false) String status,
            @RequestParam(required = false) String tier, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(name = "page", required = false) String pageNumber,
            Model model, Locale locale) {
        Filters filters = Filters.of(program, partner, status, tier);
        return page(me, filters, Commissions.SORTS.read(sort, dir, pageNumber), Bulk.empty(), null, model, locale);
    }

    @PostMapping("/bulk")
    String bulk(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) List<String> ids,
            @RequestParam(required = false) String action, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String program, @RequestParam(required = false) String partner,
            @RequestParam(required = false) String status, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(name = "page", required = false) String pageNumber, Model model,
            Locale locale, RedirectAttributes flash) {
        Filters filters = Filters.of(program, partner, status, tier);
        ListRequest list = Commissions.SORTS.read(sort, dir, pageNumber);
        List<String> chosen = ids == null ? List.of() : ids.stream().filter(s -> !s.isBlank()).toList();
        String act = trim(action);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (!ACTIONS.contains(act)) {
            errors.put("action", text("commission.bulk.error.action", locale));
        }
        List<CommissionId> parsed = List.of();
        try {
            parsed = chosen.stream().map(CommissionId::parse).toList();
        } catch (InvalidIdException e) {
            errors.put("ids", text("commission.bulk.error.unknown", locale));
        }
        if (errors.isEmpty()) {
            try {
                int count = apply(me, act, parsed, reason).size();
                flash.addFlashAttribute("notice", "commission.bulk.done." + act);
                flash.addFlashAttribute("count", count);
                return "redirect:" + filters.query(list);
            } catch (InvalidInputException e) {
                for (FieldProblem p : e.problems()) {
                    errors.put(p.field(), messages.getMessage(p.code() == null ? "validation.invalid" : p.code(), null,
                            p.message(), locale));
                }
            } catch (NotFoundException e) {
                errors.put("ids", text("commission.bulk.error.unknown", locale));
            } catch (ConflictException | IllegalStateException e) {
                errors.put("ids", messages.getMessage("commission.bulk.error.transition", new Object[] {e.getMessage()},
                        locale));
            }
        }
        // shown again at /admin/commissions/bulk: the sort and page links go to the list itself
        model.addAttribute("listAt", filters.query(list));
        return page(me, filters, list, new Bulk(chosen, act, reason == null ? "" : reason, errors), null, model, locale);
    }

    private List<Commission> apply(StaffPrincipal me, String action, List<CommissionId> ids, String reason) {
        WorkspaceId workspace = me.workspaceId();
        return switch (action) {
            case "approve" -> commissions.approve(workspace, me.asActor(), ids, reason);
            case "hold" -> commissions.hold(workspace, me.asActor(), ids, reason);
            case "reject" -> commissions.reject(workspace, me.asActor(), ids, reason);
            default -> {
                if (ids.isEmpty()) {
                    throw InvalidInputException.of("ids", "commission.error.noneChosen", "choose at least one commission");
                }
                yield commissions.release(workspace, me.asActor(), ids);
            }
        };
    }

    @PostMapping("/adjustments")
    String adjust(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String programId,
            @RequestParam(required = false) String partnerId, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String reason, Model model, Locale locale, RedirectAttributes flash) {
        Adjustment typed = new Adjustment(trim(programId), trim(partnerId), trim(amount), reason == null ? "" : reason,
                Map.of());
        CommissionPages.AdjustResult result = pages.adjust(me, typed, locale);
        if (result.commission() != null) {
            flash.addFlashAttribute("notice", "commission.adjust.done");
            return "redirect:/admin/commissions/" + result.commission().id();
        }
        Adjustment shown = new Adjustment(typed.programId(), typed.partnerId(), typed.amount(), typed.reason(),
                result.errors());
        Filters filters = Filters.of(null, typed.partnerId(), null);
        model.addAttribute("listAt", filters.query(Commissions.SORTS.first()));
        return page(me, filters, Commissions.SORTS.first(), Bulk.empty(), shown, model, locale);
    }

    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, Model model) {
        WorkspaceId workspace = me.workspaceId();
        Commission c = commissions.get(workspace, CommissionId.parse(id));
        model.addAttribute("c", c);
        model.addAttribute("partner", pages.partnerName(workspace, c.partnerId()));
        model.addAttribute("programName", pages.programName(workspace, c.programId()));
        model.addAttribute("history", commissions.history(workspace, c.id()));
        return "commission/admin/commission";
    }

    @PostMapping("/{id}/fulfil")
    String fulfil(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, RedirectAttributes flash) {
        CommissionId cid = CommissionId.parse(id);
        try {
            commissions.markFulfilled(me.workspaceId(), me.asActor(), cid);
            flash.addFlashAttribute("notice", "commission.fulfil.done");
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", "commission.fulfil.cash");
        }
        return "redirect:/admin/commissions/" + cid;
    }

    private String page(StaffPrincipal me, Filters filters, ListRequest list, Bulk bulk, Adjustment adjustment,
            Model model, Locale locale) {
        WorkspaceId workspace = me.workspaceId();
        CommissionPages.PartnerChoice partner = pages.partner(workspace, filters.partner());
        ProgramId program = CommissionPages.lenient(filters.program(), ProgramId::parse);
        CommissionStatus status = filters.status().isEmpty() ? null
                : CommissionStatus.fromCode(filters.status()).orElse(null);
        ListPage<Commission> found = new ListPage<>(List.of(), 0, list);
        if (partner.unresolved() == null) {
            TierId tier = CommissionPages.lenient(filters.tier(), TierId::parse);
            found = commissions.sorted(workspace, new Commissions.Filter(partner.id(), program, status, tier), list);
        }
        List<CommissionPages.Row> rows = pages.rows(workspace, found.rows());
        model.addAttribute("filters", filters);
        model.addAttribute("partnerChoice", partner);
        model.addAttribute("balances", partner.id() == null ? List.of() : commissions.balances(workspace, partner.id()));
        model.addAttribute("rows", rows);
        model.addAttribute("page", found);
        model.addAttribute("programs", pages.programs(workspace));
        model.addAttribute("tiers", pages.tiers(workspace));
        model.addAttribute("partners", pages.partnerOptions(workspace, partner.id()));
        model.addAttribute("statuses", CommissionStatus.values());
        model.addAttribute("bulk", bulk);
        model.addAttribute("adjustment", adjustment != null ? adjustment
                : Adjustment.empty(program == null ? "" : program.toString(),
                        partner.id() == null ? "" : partner.id().toString()));
        model.addAttribute("filtered", program != null || partner.id() != null || status != null
                || !filters.tier().isEmpty());
        return "commission/admin/commissions";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
