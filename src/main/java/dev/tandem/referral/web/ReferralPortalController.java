package dev.tandem.referral.web;

import java.util.List;

import dev.tandem.core.ListPage;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalPage;
import dev.tandem.referral.ConversionEvent;
import dev.tandem.referral.Referral;
import dev.tandem.referral.ReferralId;
import dev.tandem.referral.ReferralStatus;
import dev.tandem.referral.ReferralStatusChange;
import dev.tandem.referral.Referrals;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A partner's own referrals in the portal: where each stands and how it got there, and for each
 * event why it was credited, in an explanation that never shows another partner.
 */
@Controller
@PortalPage
@RequestMapping("/portal/referrals")
class ReferralPortalController {

    private final Referrals referrals;
    private final ReferralPageNames names;

    ReferralPortalController(Referrals referrals, ReferralPageNames names) {
        this.referrals = referrals;
        this.names = names;
    }

    /** One referral in the partner's list, with its steps so far. */
    record Listed(Referrals.Row row, List<Step> history) {
    }

    /** One step of a referral's history as a partner sees it (no staff names, no other partners). */
    record Step(ReferralStatusChange change, String reason) {
    }

    /** One event with its explanation as this partner may see it. */
    record EventView(ConversionEvent event, ReferralPageExplanation explanation) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal PartnerPrincipal me,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "q", required = false) String search,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "dir", required = false) String dir,
            @RequestParam(name = "page", required = false) String pageNumber, Model model) {
        WorkspaceId workspace = me.workspaceId();
        ReferralStatus statusFilter = ReferralAdminController.status(status);
        String query = ReferralAdminController.blank(search) ? null : search.trim();
        ListPage<Referrals.Row> page = referrals.sorted(workspace,
                new Referrals.Filter(null, me.partnerId(), statusFilter, query),
                Referrals.SORTS.read(sort, dir, pageNumber));
        ReferralPageNames.Lookup lookup = names.in(workspace);
        // the list's reasons are scrubbed of ids only: names would need every event's explanation
        var scrubber = new ReferralPageExplanation.Scrubber(me.partnerId(), List.of(), lookup);
        model.addAttribute("page", page);
        model.addAttribute("rows", page.rows().stream()
                .map(row -> new Listed(row, steps(referrals.history(workspace, row.referral().id()), scrubber)))
                .toList());
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("selectedStatus", statusFilter == null ? "" : statusFilter.code());
        model.addAttribute("query", query == null ? "" : query);
        model.addAttribute("filtered", statusFilter != null || query != null);
        return "referral/portal/referrals";
    }

    @GetMapping("/{referralId}")
    String referral(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable String referralId, Model model) {
        WorkspaceId workspace = me.workspaceId();
        Referral referral = referrals.get(workspace, ReferralId.parse(referralId));
        if (!me.partnerId().equals(referral.partnerId())) {
            // another partner's referral looks exactly like one that does not exist
            throw new NotFoundException("no referral " + referralId + " of partner " + me.partnerId());
        }
        ReferralPageNames.Lookup lookup = names.in(workspace);
        List<ConversionEvent> events = referrals.events(workspace, referral.id());
        var scrubber = new ReferralPageExplanation.Scrubber(me.partnerId(),
                events.stream().map(ConversionEvent::attribution).toList(), lookup);
        model.addAttribute("referral", referral);
        model.addAttribute("customer", referrals.customer(workspace, referral.customerId()));
        model.addAttribute("programName", lookup.program(referral.programId()));
        model.addAttribute("link", lookup.link(referral.linkId()));
        model.addAttribute("history", steps(referrals.history(workspace, referral.id()), scrubber));
        model.addAttribute("events", events.stream().map(e -> new EventView(e,
                ReferralPageExplanation.forPartner(e.attribution(), me.partnerId(), lookup, scrubber))).toList());
        return "referral/portal/referral";
    }

    private static List<Step> steps(List<ReferralStatusChange> history, ReferralPageExplanation.Scrubber scrubber) {
        return history.stream().map(h -> new Step(h, scrubber.scrub(h.reason()))).toList();
    }
}
