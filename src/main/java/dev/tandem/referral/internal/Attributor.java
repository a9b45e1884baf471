package dev.tandem.referral.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.Attribution;
import dev.tandem.referral.Customer;
import dev.tandem.referral.EventId;
import dev.tandem.referral.Referral;
import dev.tandem.tracking.CodeKind;
import dev.tandem.tracking.Link;
import dev.tandem.tracking.LinkId;
import dev.tandem.tracking.ReferralCode;
import dev.tandem.tracking.TrackingLookup;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * Decides which partner gets the credit for an event and explains why: reads the event's hints
 * (click id, code, partner), picks the program, weighs them with the customer's earlier touches
 * and referral ({@link Weighing}), and says which touches to remember for the next event.
 */
@Component
public class Attributor {

    private final TrackingLookup tracking;
    private final Partners partners;
    private final ProgramCatalog programs;
    private final TouchpointRepository touchpoints;
    private final PartnerCache cache;

    private final dev.tandem.core.WriteBehind writeBehind;

    Attributor(TrackingLookup tracking, Partners partners, ProgramCatalog programs, TouchpointRepository touchpoints,
            PartnerCache cache, dev.tandem.core.WriteBehind writeBehind) {
        this.writeBehind = writeBehind;
        this.cache = cache;
        this.tracking = tracking;
        this.partners = partners;
        this.programs = programs;
        this.touchpoints = touchpoints;
    }

    /**
     * The decision for one event. {@code programId} null: no program could be chosen; {@code partner}
     * null: nobody gets the credit. {@code existing}: the customer's referral in the program, if any.
     */
    public record Decision(ProgramId programId, PartnerId partner, LinkId link, String attributedBy,
            Attribution explanation, List<TouchpointRepository.Touchpoint> newTouches, Referral existing,
            boolean moves) {
    }

    /** What the event itself says, before any program is known. */
    private record Hints(Link click, java.time.Instant clickedAt, ReferralCode code, List<Attribution.Touch> ignored) {
    }

    /**
     * The program chosen (null: none) and what choosing it read, so that nothing is read twice: whether the
     * customer's accepted deals were searched in every program (over more than any window) and the newest found,
     * and the workspace's active programs when they were listed.
     */
    private record Choice(ProgramId program, boolean dealSearched, TouchpointRepository.Deal deal,
            List<Program> active) {
    }

    /**
     * @param customer  null when the event names none
     * @param known     whether the customer existed before this event (else there is nothing stored to weigh)
     * @param referrals the customer's referrals in every program, most recently changed first
     */
    public Decision decide(WorkspaceId workspace, CheckedEvent e, EventId event, Customer customer, boolean known,
            List<Referral> referrals) {
        Hints hints = hints(workspace, e);
        Map<PartnerId, Optional<EnrollmentStatus>> enrollments = new HashMap<>();
        Choice choice = chooseProgram(workspace, e, hints, customer, referrals);
        ProgramCatalog.Rules rules = choice.program() == null ? null
                : programs.find(workspace, choice.program()).orElse(null);
        if (rules == null) {
            String reason = "no program: the event names none and the workspace has "
                    + (choice.active() != null ? choice.active() : programs.active(workspace)).size()
                    + " active programs (send programId, a click id or a code)";
            return new Decision(null, null, null, null, new Attribution("none", null, null, reason, hints.ignored()),
                    List.of(), null, false);
        }
        Program program = rules.program();
        List<Attribution.Touch> ignored = new ArrayList<>(hints.ignored());
        List<Candidate> fresh = fresh(workspace, e, event, hints, program, ignored);
        for (Candidate c : fresh) {
            approve(workspace, program.id(), c, enrollments);
        }
        Candidate deal = deal(workspace, e, event, customer, program, rules.window(), choice, fresh);
        if (deal != null) {
            approve(workspace, program.id(), deal, enrollments);
            fresh.add(deal);
        }
        List<TouchpointRepository.Touchpoint> stored = customer != null && known
                ? touchpoints.of(workspace, customer.id(), program.id()) : List.of();
        List<Candidate> candidates = merge(stored, fresh);
        Referral existing = referrals.stream().filter(r -> r.programId().equals(program.id())).findFirst().orElse(null);
        Weighing weighing = new Weighing(program.attributionModel(), program.attributionWindowDays(), e.occurredAt(),
                e.type(), c -> c.label != null ? "link " + c.label : linkWords(workspace, c.link));
        Candidate best = bestApproved(workspace, program.id(), weighing, candidates, enrollments);
        Weighing.Outcome outcome = weighing.decide(candidates, best, existing, rules.settings().lifetimeBinding(),
                ignored);
        List<Attribution.Touch> touches = new ArrayList<>(ignored);
        candidates.forEach(c -> touches.add(c.toTouch()));
        touches.sort(Comparator.comparing(Attribution.Touch::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        Attribution explanation = new Attribution(program.attributionModel().code(), outcome.partner(),
                outcome.link(), outcome.reason(), touches);
        List<TouchpointRepository.Touchpoint> remember = customer == null ? List.of()
                : fresh.stream().filter(c -> !Weighing.IGNORED.equals(c.outcome) && !isStored(c, stored))
                        .map(Candidate::toTouchpoint).toList();
        return new Decision(program.id(), outcome.partner(), outcome.link(), outcome.attributedBy(), explanation,
                remember, existing, outcome.moves());
    }

    private Hints hints(WorkspaceId workspace, CheckedEvent e) {
        List<Attribution.Touch> ignored = new ArrayList<>();
        Link click = null;
        java.time.Instant clickedAt = null;
        if (e.clickId() != null) {
            TrackingLookup.ClickResolution resolution = cache.resolveClick(workspace, e.clickId());
            if (resolution instanceof TrackingLookup.ClickResolution.Found found) {
                click = found.link();
                clickedAt = found.clickedAt();
            } else {
                ignored.add(new Attribution.Touch("click", null, null, null, Weighing.IGNORED,
                        "click id ignored: " + ((TrackingLookup.ClickResolution.Rejected) resolution).reason()));
            }
        }
        ReferralCode code = null;
        if (e.code() != null) {
            Optional<ReferralCode> found = writeBehind.once(List.of("code", workspace, e.code()),
                    () -> tracking.code(workspace, e.code()));
            if (found.isEmpty()) {
                ignored.add(new Attribution.Touch("code", null, null, e.occurredAt(), Weighing.IGNORED,
                        "no code " + e.code() + " in this workspace"));
            } else if (!found.get().enabled()) {
                ignored.add(new Attribution.Touch(touchKind(found.get()), found.get().partnerId(), null,
                        e.occurredAt(), Weighing.IGNORED, "code " + found.get().code() + " is disabled"));
            } else {
                code = found.get();
            }
        }
        return new Hints(click, clickedAt, code, ignored);
    }

    /** The click's program, else the code's, the event's programId, the partner's only program, a deal's, the referral's, the only one. */
    private Choice chooseProgram(WorkspaceId workspace, CheckedEvent e, Hints hints, Customer customer,
            List<Referral> referrals) {
        ProgramId named = hints.click() != null ? hints.click().programId()
                : hints.code() != null ? hints.code().programId() : e.programHint();
        if (named != null) {
            return new Choice(named, false, null, null);
        }
        if (e.partnerHint() != null) {
            List<Enrollment> approved = partners.enrollmentsOf(workspace, e.partnerHint()).stream()
                    .filter(en -> en.status() == EnrollmentStatus.APPROVED).toList();
            if (approved.size() == 1) {
                return new Choice(approved.get(0).programId(), false, null, null);
            }
        }
        boolean searched = customer != null && customer.email() != null;
        TouchpointRepository.Deal deal = searched ? touchpoints.acceptedDeal(workspace, customer.email(), null,
                e.occurredAt().minus(Duration.ofDays(366))).orElse(null) : null;
        if (deal != null) {
            return new Choice(deal.program(), true, deal, null);
        }
        if (!referrals.isEmpty()) {
            return new Choice(referrals.get(0).programId(), searched, null, null);
        }
        List<Program> active = programs.active(workspace);
        return new Choice(active.size() == 1 ? active.get(0).id() : null, searched, null, active);
    }

    private List<Candidate> fresh(WorkspaceId workspace, CheckedEvent e, EventId event, Hints hints, Program program,
            List<Attribution.Touch> ignored) {
        List<Candidate> fresh = new ArrayList<>();
        if (hints.click() != null) {
            fresh.add(new Candidate("click", hints.click().partnerId(), hints.click().id(), hints.clickedAt(), event,
                    true, hints.click().slug()));
        }
        ReferralCode code = hints.code();
        if (code != null) {
            String kind = touchKind(code);
            if (!code.programId().equals(program.id())) {
                ignored.add(new Attribution.Touch(kind, code.partnerId(), null, e.occurredAt(), Weighing.IGNORED,
                        "code " + code.code() + " belongs to another program"));
            } else {
                fresh.add(new Candidate(kind, code.partnerId(), null, e.occurredAt(), event, true, code.code()));
            }
        }
        if (e.partnerHint() != null) {
            fresh.add(new Candidate("hint", e.partnerHint(), null, e.occurredAt(), event, true, null));
        }
        return fresh;
    }

    /**
     * An accepted deal registration for the customer's email (null: none), unless a click or code of an
     * approved partner within the window came with the event: a deal could not win against it. When the
     * program was chosen, deals were searched already: the one found is in this program, and none found means
     * none within any window.
     */
    private Candidate deal(WorkspaceId workspace, CheckedEvent e, EventId event, Customer customer, Program program,
            Duration window, Choice choice, List<Candidate> fresh) {
        boolean clickOrCodeWins = fresh.stream().anyMatch(c -> c.clickOrCode() && c.outcome == null
                && !c.at.isBefore(e.occurredAt().minus(window)));
        if (customer == null || customer.email() == null || clickOrCodeWins) {
            return null;
        }
        TouchpointRepository.Deal deal = choice.dealSearched() ? choice.deal()
                : touchpoints.acceptedDeal(workspace, customer.email(), program.id(), e.occurredAt().minus(window))
                        .orElse(null);
        return deal == null ? null : new Candidate("deal", deal.partner(), null, deal.createdAt(), event, true, null);
    }

    private void approve(WorkspaceId workspace, ProgramId program, Candidate c,
            Map<PartnerId, Optional<EnrollmentStatus>> enrollments) {
        Optional<EnrollmentStatus> status = enrollments.computeIfAbsent(c.partner,
                p -> cache.status(workspace, program, p));
        if (status.isEmpty()) {
            c.set(Weighing.IGNORED, "the partner is not in this program");
        } else if (status.get() != EnrollmentStatus.APPROVED) {
            c.set(Weighing.IGNORED, "the partner is " + status.get().code() + " in this program");
        }
    }

    /** The best touch whose partner is still approved: an earlier touch of a partner banned since does not win. */
    private Candidate bestApproved(WorkspaceId workspace, ProgramId program, Weighing weighing, List<Candidate> candidates,
            Map<PartnerId, Optional<EnrollmentStatus>> enrollments) {
        while (true) {
            Candidate best = weighing.best(candidates).orElse(null);
            if (best == null) {
                return null;
            }
            approve(workspace, program, best, enrollments);
            if (best.outcome == null) {
                return best;
            }
        }
    }

    /** Earlier touches and this event's, the same touch once (a click id sent with the lead and again with the sale). */
    private static List<Candidate> merge(List<TouchpointRepository.Touchpoint> stored, List<Candidate> fresh) {
        List<Candidate> all = new ArrayList<>();
        for (TouchpointRepository.Touchpoint t : stored) {
            if (fresh.stream().noneMatch(f -> f.sameAs(t))) {
                all.add(Candidate.of(t));
            }
        }
        all.addAll(fresh);
        return all;
    }

    private static boolean isStored(Candidate c, List<TouchpointRepository.Touchpoint> stored) {
        return stored.stream().anyMatch(c::sameAs);
    }

    private String linkWords(WorkspaceId workspace, LinkId link) {
        return link == null ? "no link"
                : cache.link(workspace, link).map(l -> "link " + l.slug()).orElse("link " + link);
    }

    private static String touchKind(ReferralCode code) {
        return code.kind() == CodeKind.COUPON ? "coupon" : "code";
    }
}
