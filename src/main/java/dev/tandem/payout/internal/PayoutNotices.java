package dev.tandem.payout.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tandem.core.Language;
import dev.tandem.core.Money;
import dev.tandem.core.ReaderFormat;
import dev.tandem.notification.Emails;
import dev.tandem.partner.Partner;
import dev.tandem.partner.Partners;
import dev.tandem.partner.PortalLinks;
import dev.tandem.payout.BalanceHeldBack;
import dev.tandem.payout.HeldBalance;
import dev.tandem.payout.Payout;
import dev.tandem.payout.PayoutChanged;
import dev.tandem.payout.PayoutMethod;
import dev.tandem.payout.PayoutStatus;
import dev.tandem.program.Programs;
import dev.tandem.workspace.Role;
import dev.tandem.workspace.StaffAccounts;
import dev.tandem.workspace.WorkspaceId;
import dev.tandem.workspace.Workspaces;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells partners (and, when a payout fails, the workspace's team) what became of their money: paid,
 * failed, or held back for something only the partner can fix. The emails are written in the
 * transaction that made the change, so a change that rolls back never announced itself, and one
 * that commits always did. A balance below the minimum or negative is carried forward without a word:
 * there is nothing for the partner to do about it.
 */
@Component
class PayoutNotices {

    /** Held balances the partner can release themselves; the others wait for more earnings. */
    private static final Set<HeldBalance.Reason> PARTNER_CAN_FIX = Set.of(HeldBalance.Reason.NO_PAYOUT_DETAILS,
            HeldBalance.Reason.AGREEMENT_PENDING, HeldBalance.Reason.INVALID_DETAILS);
    private static final Set<Role> TOLD_OF_FAILURES = Set.of(Role.OWNER, Role.ADMIN, Role.MANAGER);

    private final PayoutRepository payouts;
    private final Partners partners;
    private final Programs programs;
    private final StaffAccounts staff;
    private final Workspaces workspaces;
    private final PortalLinks portal;
    private final Emails emails;
    private final String publicUrl;

    PayoutNotices(PayoutRepository payouts, Partners partners, Programs programs, StaffAccounts staff,
            Workspaces workspaces, PortalLinks portal, Emails emails,
            @Value("${tandem.public-url:http://localhost:8080}") String publicUrl) {
        this.payouts = payouts;
        this.partners = partners;
        this.programs = programs;
        this.staff = staff;
        this.workspaces = workspaces;
        this.portal = portal;
        this.emails = emails;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @EventListener
    void on(PayoutChanged e) {
        if (e.to() != PayoutStatus.PAID && e.to() != PayoutStatus.FAILED) {
            return;
        }
        Payout payout = payouts.find(e.workspaceId(), e.payoutId()).orElseThrow();
        Partner partner = partners.get(e.workspaceId(), e.partnerId());
        String programName = programs.get(e.workspaceId(), payout.programId()).name();
        if (e.to() == PayoutStatus.PAID) {
            paid(partner, payout, programName);
        } else {
            failed(partner, payout, programName, e.reason());
        }
    }

    @EventListener
    void on(BalanceHeldBack e) {
        HeldBalance held = e.held();
        if (!PARTNER_CAN_FIX.contains(held.reason()) || e.repeated()) {
            return; // nothing they can do, or told by the last run already: a weekly schedule is no weekly nag
        }
        Partner partner = partners.get(e.workspaceId(), held.partnerId());
        String programName = programs.get(e.workspaceId(), payouts.run(e.workspaceId(), held.runId()).orElseThrow()
                .programId()).name();
        String amount = format(held.amount(), partner.language());
        Map<String, Object> model = partnerModel(partner, programName, amount);
        model.put("reason", held.reason().code());
        emails.send(e.workspaceId(), partner.email(), partner.language(), "payout-held", model);
    }

    private void paid(Partner partner, Payout payout, String programName) {
        // what left the business, in the currency it was paid in when a rate was set
        String amount = format(payout.sent(), partner.language());
        Map<String, Object> model = partnerModel(partner, programName, amount);
        model.put("method", payout.method().code());
        model.put("destination", payout.method() == PayoutMethod.MANUAL ? "" : payout.destination());
        model.put("reference", payout.reference() == null ? "" : payout.reference());
        emails.send(payout.workspaceId(), partner.email(), partner.language(), "payout-paid", model);
    }

    private void failed(Partner partner, Payout payout, String programName, String reason) {
        String why = payout.failureReason() == null || payout.failureReason().isEmpty() ? reason
                : payout.failureReason();
        Map<String, Object> model = partnerModel(partner, programName, format(payout.sent(), partner.language()));
        model.put("reason", why);
        emails.send(payout.workspaceId(), partner.email(), partner.language(), "payout-failed", model);

        Language language = workspaces.get(payout.workspaceId()).defaultLanguage();
        Map<String, Object> team = new HashMap<>();
        team.put("partnerName", partner.name());
        team.put("programName", programName);
        team.put("amount", format(payout.sent(), language));
        team.put("reason", why);
        team.put("runUrl", publicUrl + "/admin/payouts/runs/" + payout.runId());
        team.put("staff", true);
        team.put(Emails.BRAND, programName);
        team.put(Emails.SUBJECT_ARGS, List.of(partner.name()));
        for (StaffAccounts.Member member : staff.team(payout.workspaceId())) {
            if (member.active() && TOLD_OF_FAILURES.contains(member.role())) {
                emails.send(payout.workspaceId(), member.email(), language, "payout-failed-staff", team);
            }
        }
    }

    private Map<String, Object> partnerModel(Partner partner, String programName, String amount) {
        Map<String, Object> model = new HashMap<>();
        model.put("partnerName", partner.name());
        model.put("programName", programName);
        model.put("amount", amount);
        model.put("portalUrl", portal.portalUrl() + "/payouts");
        model.put(Emails.BRAND, programName);
        model.put(Emails.SUBJECT_ARGS, List.of(amount));
        return model;
    }

    // the reader's own way of writing an amount, as pages and other emails write it
    private static String format(Money money, Language language) {
        return ReaderFormat.money(money, language.locale());
    }
}
