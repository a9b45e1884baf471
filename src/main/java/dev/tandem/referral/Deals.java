package dev.tandem.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.core.ConflictException;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.Ids;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.ListPage;
import dev.tandem.core.ListRequest;
import dev.tandem.core.ListSort;
import dev.tandem.core.Money;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.referral.internal.DealRepository;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deal registration: a partner registers a prospect by hand for a program; Tandem flags what it
 * overlaps with (an existing referral, other partners' registrations within the attribution
 * window); a manager accepts or rejects it with a reason, and the partner is emailed the decision.
 * Accepted registrations are what attribution counts as {@code deal} touchpoints. A registration
 * nobody decided within the window expires.
 */
@Service
public class Deals {

    static final int PARTNER_LIST_LIMIT = 200;

    private final DealRepository repository;
    private final DealConflicts conflicts;
    private final DealPrograms dealPrograms;
    private final Referrals referrals;
    private final Partners partners;
    private final DecisionEmails decisionEmails;
    private final AuditLog audit;
    private final Clock clock;

    Deals(DealRepository repository, DealConflicts conflicts, DealPrograms dealPrograms, Referrals referrals,
            Partners partners, DecisionEmails decisionEmails, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.conflicts = conflicts;
        this.dealPrograms = dealPrograms;
        this.referrals = referrals;
        this.partners = partners;
        this.decisionEmails = decisionEmails;
        this.audit = audit;
        this.clock = clock;
    }

    /** A registration as lists show it, with the names of its partner and program. */
    public record Row(DealRegistration deal, String partnerName, String programName) {
    }

    /**
     * What a partner types into the form. {@code expectedValue} is optional and read as people
     * write amounts ({@code 12,500.00}); {@code currency} defaults to the program's.
     */
    public record Registration(String programId, String company, String contactName, String email,
            String expectedValue, String currency, String notes) {
    }

    /** The active programs a partner may register deals in (those they are approved in). */
    public List<Program> programsFor(WorkspaceId workspace, PartnerId partner) {
        return dealPrograms.of(workspace, partner);
    }

    /**
     * Registers a prospect for the partner, with the conflicts found now.
     *
     * @throws InvalidInputException naming every field that is wrong; nothing is stored then
     */
    @Transactional
    public DealRegistration register(WorkspaceId workspace, PartnerId partnerId, Registration input) {
        Partner partner = partners.get(workspace, partnerId);
        List<FieldProblem> problems = new ArrayList<>();
        Program program = dealPrograms.approved(workspace, partnerId, input.programId(), problems);
        String company = DealDecisions.text(input.company());
        DealDecisions.check(problems, "company", company, true, 200);
        String contact = DealDecisions.text(input.contactName());
        DealDecisions.check(problems, "contactName", contact, false, 200);
        String email = DealDecisions.email(problems, "email", input.email());
        String notes = DealDecisions.text(input.notes());
        DealDecisions.check(problems, "notes", notes, false, 4000);
        Money expected = expectedValue(input, program, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DealRegistration deal = new DealRegistration(workspace, new DealId(Ids.newId()), program.id(), partnerId,
                company, contact, email, expected, notes, DealStatus.SUBMITTED, "",
                conflicts.find(workspace, program, partnerId, email, now), null, null, null, now);
        repository.insert(deal);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("program", program.id().toString());
        details.put("email", email);
        details.put("conflict", deal.conflict() != null);
        audit.record(workspace, new Actor(Actor.Kind.PARTNER, partnerId.value(), partner.name()), "deal.registered",
                deal.id().toString(), details);
        return deal;
    }

    /**
     * Accepts a submitted registration: from now on attribution counts it for that email.
     *
     * @throws ConflictException naming the status when it is no longer submitted
     */
    @Transactional
    public Row accept(WorkspaceId workspace, Actor by, DealId id, String reason) {
        return decide(workspace, by, id, DealStatus.ACCEPTED, DealDecisions.reason(reason, false));
    }

    /**
     * Rejects a submitted registration; the reason is required because the partner is told it.
     *
     * @throws InvalidInputException on {@code reason}; nothing changes then
     * @throws ConflictException naming the status when it is no longer submitted
     */
    @Transactional
    public Row reject(WorkspaceId workspace, Actor by, DealId id, String reason) {
        return decide(workspace, by, id, DealStatus.REJECTED, DealDecisions.reason(reason, true));
    }

    /** @throws NotFoundException if the workspace has no such registration (another workspace's looks the same) */
    @Transactional
    public Row get(WorkspaceId workspace, DealId id) {
        repository.expire(workspace, clock.instant());
        return repository.find(workspace, id).orElseThrow(() -> new NotFoundException("no deal registration " + id));
    }

    /** The workspace's registrations, newest first, optionally in one status. */
    @Transactional
    public Page<Row> list(WorkspaceId workspace, DealStatus status, PageRequest page) {
        repository.expire(workspace, clock.instant());
        return Page.fromOverfetch(repository.list(workspace, status, page.startingAfter(), page.fetchSize()), page);
    }

    /**
     * The manager's queue: every submitted registration, oldest first (at most {@code waitingLimit}),
     * and a page of the decided (and expired) ones in the asked order ({@link #DECIDED_SORTS}).
     */
    public record Queue(List<Row> waiting, ListPage<Row> decided) {
    }

    /**
     * The orders a manager may sort the decided registrations by: the latest decision first unless
     * asked otherwise (by company, status or expected value); the id breaks ties. The partner's and
     * program's names are other modules' tables.
     */
    public static final ListSort DECIDED_SORTS = ListSort.of("d.id",
            ListSort.Key.descending("decided", "d.decided_at").nullable(),
            ListSort.Key.ascending("company", "lower(d.company)"),
            ListSort.Key.ascending("status", "d.status"),
            ListSort.Key.descending("value", "d.expected_amount").nullable());

    /** The queue page's two lists, read after expiring overdue registrations once for both. */
    @Transactional
    public Queue queue(WorkspaceId workspace, int waitingLimit, ListRequest decided) {
        repository.expire(workspace, clock.instant());
        return new Queue(repository.submitted(workspace, waitingLimit), ListPage.fetch(decided,
                repository.countDecided(workspace), page -> repository.decided(workspace, page)));
    }

    /** The partner's own registrations, newest first. */
    @Transactional
    public List<Row> ofPartner(WorkspaceId workspace, PartnerId partner) {
        repository.expire(workspace, clock.instant());
        return repository.ofPartner(workspace, partner, PARTNER_LIST_LIMIT);
    }

    private Row decide(WorkspaceId workspace, Actor by, DealId id, DealStatus to, String reason) {
        Row current = get(workspace, id);
        DealRegistration deal = current.deal();
        if (deal.status() != DealStatus.SUBMITTED) {
            throw new ConflictException("only a submitted deal registration can be " + to.code() + "; this one is "
                    + deal.status().code());
        }
        CustomerId customer = to == DealStatus.ACCEPTED ? referrals.existingReferral(workspace, deal.programId(),
                deal.email()).map(row -> row.customer().id()).orElse(null) : null;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!repository.decide(workspace, id, to, reason, by.name(), now, customer)) {
            throw new ConflictException("deal registration " + id + " was decided meanwhile");
        }
        audit.record(workspace, by, "deal." + to.code(), id.toString(),
                Map.of("partner", deal.partnerId().toString(), "email", deal.email(), "reason", reason));
        decisionEmails.send(workspace, deal.partnerId(), current.programName(), "deal-decided", deal.company(),
                to == DealStatus.ACCEPTED, reason, Map.of("company", deal.company(), "prospectEmail", deal.email()));
        return repository.find(workspace, id).orElseThrow();
    }

    private static Money expectedValue(Registration input, Program program, List<FieldProblem> problems) {
        try {
            Currency currency = DealAmounts.currency(input.currency(), program == null ? null : program.currency());
            // without a program there is no default currency: its problem is reported, the amount waits for it
            return currency == null ? null : DealAmounts.parse(input.expectedValue(), currency);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
