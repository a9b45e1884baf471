package dev.tandem.commission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.commission.internal.Bookkeeper;
import dev.tandem.commission.internal.CommissionRepository;
import dev.tandem.commission.internal.CustomerRewardRepository;
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
import dev.tandem.ledger.Account;
import dev.tandem.ledger.Balance;
import dev.tandem.ledger.Ledger;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.CommissionPlan;
import dev.tandem.program.CommissionPlans;
import dev.tandem.program.PlanId;
import dev.tandem.program.TierId;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.referral.EventId;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commissions as staff and the API handle them: lists, approval (by hand, or when the hold
 * period is over), holds, rejections, manual adjustments, payment, balances and the check that
 * the ledger agrees with the commissions.
 */
@Service
public class Commissions {

    private static final Actor TANDEM = Actor.system();

    private final CommissionRepository commissions;
    private final Bookkeeper books;
    private final Ledger ledger;
    private final Programs programs;
    private final Partners partners;
    private final AuditLog audit;
    private final CustomerRewardRepository customerRewards;
    private final CommissionPlans plans;
    private final Clock clock;

    Commissions(CommissionRepository commissions, Bookkeeper books, Ledger ledger, Programs programs,
            Partners partners, AuditLog audit, CustomerRewardRepository customerRewards, CommissionPlans plans,
            Clock clock) {
        this.plans = plans;
        this.customerRewards = customerRewards;
        this.commissions = commissions;
        this.books = books;
        this.ledger = ledger;
        this.programs = programs;
        this.partners = partners;
        this.audit = audit;
        this.clock = clock;
    }

    /** Each null is no filter; {@code tier}: commissions paid under one of the tier's plan versions. */
    public record Filter(PartnerId partner, ProgramId program, CommissionStatus status, TierId tier) {

        public Filter(PartnerId partner, ProgramId program, CommissionStatus status) {
            this(partner, program, status, null);
        }
    }

    /** One partner and currency: what the ledger says and what the commissions add up to. */
    public record Reconciliation(PartnerId partner, Currency currency, long ledgerPending, long commissionsPending,
            long ledgerPayable, long commissionsApproved, long ledgerPaid, long commissionsPaid) {

        public boolean agrees() {
            return ledgerPending == commissionsPending && ledgerPayable == commissionsApproved
                    && ledgerPaid == commissionsPaid;
        }
    }

    /**
     * The orders staff and partners may sort a commission list by: newest first (by the date of what
     * earned it) unless asked otherwise (by amount, kind, status or the day it becomes payable); the
     * id breaks ties. Only the commission's own columns: a partner or program name would be another
     * module's table.
     */
    public static final ListSort SORTS = ListSort.of("id",
            ListSort.Key.descending("date", "occurred_at"),
            ListSort.Key.descending("amount", "amount"),
            ListSort.Key.ascending("kind", "kind"),
            ListSort.Key.ascending("status", "status"),
            ListSort.Key.descending("available", "available_at"));

    /** One page of the workspace's commissions matching the filter, in the asked order ({@link #SORTS}), with how many match. */
    public ListPage<Commission> sorted(WorkspaceId workspace, Filter filter, ListRequest request) {
        List<PlanId> plans = filter.tier() == null ? null
                : this.plans.versionsOfTier(workspace, filter.tier()).stream().map(CommissionPlan::id).toList();
        long total = commissions.countListed(workspace, filter.partner(), filter.program(), filter.status(), plans);
        return ListPage.fetch(request, total, page -> commissions.sorted(workspace, filter.partner(), filter.program(),
                filter.status(), plans, page));
    }

    public Page<Commission> list(WorkspaceId workspace, Filter filter, PageRequest page) {
        CommissionId after = page.startingAfter() == null ? null : new CommissionId(page.startingAfter());
        List<PlanId> plans = filter.tier() == null ? null
                : this.plans.versionsOfTier(workspace, filter.tier()).stream().map(CommissionPlan::id).toList();
        return Page.fromOverfetch(commissions.list(workspace, filter.partner(), filter.program(), filter.status(), plans,
                after, page.fetchSize()), page);
    }

    /** The commissions with these ids, in id order, read at once. */
    public List<Commission> get(WorkspaceId workspace, List<CommissionId> ids) {
        return commissions.find(workspace, ids);
    }

    public Commission get(WorkspaceId workspace, CommissionId id) {
        return commissions.find(workspace, id).orElseThrow(() -> new NotFoundException("no commission " + id));
    }

    public List<CommissionRepository.Change> history(WorkspaceId workspace, CommissionId id) {
        return commissions.history(workspace, id);
    }

    /** For the held and rejected ones among these commissions: the reason given, which the partner reads. */
    public Map<CommissionId, String> reasons(WorkspaceId workspace, List<Commission> of) {
        return commissions.currentReasons(workspace, of);
    }

    /** What an event created or reversed. */
    public List<Commission> ofEvent(WorkspaceId workspace, EventId event) {
        return commissions.ofEvent(workspace, event);
    }

    /** Approves pending or held commissions now, before their hold period is over. Approved ones stay as they are. */
    @Transactional
    public List<Commission> approve(WorkspaceId workspace, Actor by, List<CommissionId> ids, String reason) {
        return change(workspace, by, ids, CommissionStatus.APPROVED, reason == null || reason.isBlank()
                ? "approved by hand" : reason.trim());
    }

    /** Holds commissions for review: they are not payable until released. */
    @Transactional
    public List<Commission> hold(WorkspaceId workspace, Actor by, List<CommissionId> ids, String reason) {
        return change(workspace, by, ids, CommissionStatus.HOLD, required(reason));
    }

    /** Rejects commissions for good, with the reason the partner will read. */
    @Transactional
    public List<Commission> reject(WorkspaceId workspace, Actor by, List<CommissionId> ids, String reason) {
        return change(workspace, by, ids, CommissionStatus.REJECTED, required(reason));
    }

    /** Releases held commissions: approved if they were before the hold or their hold period is over, else pending. */
    @Transactional
    public List<Commission> release(WorkspaceId workspace, Actor by, List<CommissionId> ids) {
        List<Commission> done = new ArrayList<>();
        Instant now = clock.instant();
        for (Commission c : family(workspace, ids)) {
            if (c.status() != CommissionStatus.HOLD) {
                done.add(c);
                continue;
            }
            // back to approved if it was approved before the hold (by hand, early) or its hold period is over
            CommissionStatus before = commissions.history(workspace, c.id()).stream()
                    .filter(h -> h.to() == CommissionStatus.HOLD).reduce((a, b) -> b)
                    .map(CommissionRepository.Change::from).orElse(CommissionStatus.PENDING);
            CommissionStatus to = before == CommissionStatus.APPROVED || !c.availableAt().isAfter(now)
                    ? CommissionStatus.APPROVED : CommissionStatus.PENDING;
            done.add(books.move(c, to, "released from hold", null, by, null));
        }
        audit.record(workspace, by, "commission.released", ids(ids), Map.of("count", ids.size()));
        return done;
    }

    /** What a partner may be paid in one currency: the sum of approved cash commissions not yet in a payout. */
    public record Payable(PartnerId partner, Currency currency, long amount, int count) {
    }

    /**
     * Per partner and currency, the approved cash commissions (clawbacks netted) that no payout
     * holds yet and that were approved at or before {@code cutoff}.
     *
     * @param currency only this currency, or null for all
     */
    public List<Payable> payable(WorkspaceId workspace, ProgramId program, Currency currency, Instant cutoff) {
        return commissions.payable(workspace, program, currency, cutoff);
    }

    /**
     * Puts the partner's payable commissions in a payout: a conditional update, so a commission that
     * another payout took meanwhile is not taken again, and a commission is never in two payouts.
     *
     * @return the commissions claimed, with their amounts
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Commission> claim(WorkspaceId workspace, ProgramId program, PartnerId partner, Currency currency,
            Instant cutoff, UUID payout) {
        return commissions.claim(workspace, program, partner, currency, cutoff, payout);
    }

    /** Gives a failed or canceled payout's commissions back: payable again, in the next run. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int unclaim(WorkspaceId workspace, UUID payout) {
        return commissions.unclaim(workspace, payout);
    }

    /**
     * Marks a payout's commissions paid: each moves from in transit (where the payout put their sum
     * when it was sent) to paid. Reversals and clawbacks are paid with them, netted.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Commission> markPaid(WorkspaceId workspace, Actor by, UUID payout) {
        List<Commission> done = new ArrayList<>();
        for (Commission c : commissions.lockInPayout(workspace, payout)) {
            if (c.status() != CommissionStatus.APPROVED) {
                throw new ConflictException("commission " + c.id() + " is " + c.status().code() + ", not approved");
            }
            done.add(books.move(c, CommissionStatus.PAID, "paid by payout " + Ids.format("pay", payout), null, by,
                    payout, Account.PARTNER_IN_TRANSIT));
        }
        return done;
    }

    /**
     * A bonus or correction by hand, positive or negative, payable at once (not held: staff decided it).
     *
     * @throws InvalidInputException naming the field: amount zero, currency not the program's, no reason
     */
    @Transactional
    public Commission adjust(WorkspaceId workspace, Actor by, ProgramId programId, PartnerId partner, Long amount,
            String currency, String reason) {
        Program program = programs.get(workspace, programId);
        List<FieldProblem> problems = new ArrayList<>();
        if (partners.enrollment(workspace, programId, partner).isEmpty()) {
            problems.add(new FieldProblem("partnerId", "is not a partner of this program", "commission.error.partner"));
        }
        if (amount == null || amount == 0) {
            problems.add(new FieldProblem("amount", "must not be zero (minor units; negative takes money back)",
                    "commission.error.amount"));
        }
        if (currency != null && !currency.isBlank() && !currency.trim().equals(program.currency().getCurrencyCode())) {
            problems.add(new FieldProblem("currency", "must be " + program.currency().getCurrencyCode()
                    + ", the program's currency", "commission.error.currency"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "is required", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        Money money = new Money(amount, program.currency());
        Explanation why = Explanation.plain().add("adjustment by " + by.name() + ": " + reason.trim(), "adjustment",
                by.name(), reason.trim());
        Commission c = new Commission(workspace, new CommissionId(Ids.newId()), programId, partner, null, null, null,
                CommissionKind.ADJUSTMENT, null, null, null, money, null, CommissionPlan.RewardKind.CASH, null,
                CommissionStatus.APPROVED, why.english(), now, now, now, null, why.partsJson());
        books.create(c, "adjustment:" + c.id().value(), null, by, reason.trim());
        audit.record(workspace, by, "commission.adjusted", c.id().toString(),
                Map.of("partner", partner.toString(), "amount", money.toString(), "reason", reason.trim()));
        return c;
    }

    /** Records that a non-cash reward (store credit, points, a gift) was given. */
    @Transactional
    public Commission markFulfilled(WorkspaceId workspace, Actor by, CommissionId id) {
        Commission c = get(workspace, id);
        if (c.cash()) {
            throw new ConflictException("commission " + id + " is cash: it is paid by a payout, not fulfilled");
        }
        commissions.markFulfilled(workspace, id, clock.instant());
        audit.record(workspace, by, "commission.fulfilled", id.toString(), Map.of());
        return get(workspace, id);
    }

    /**
     * Approves every pending commission whose hold period is over, a batch at a time; safe to run
     * on every node at once (rows another node is approving are skipped).
     *
     * @return how many were approved
     */
    @Transactional
    public int approveDue(int batch) {
        int approved = 0;
        for (Commission c : commissions.lockDue(clock.instant(), batch)) {
            books.move(c, CommissionStatus.APPROVED, "hold period over", null, TANDEM, null);
            approved++;
        }
        return approved;
    }

    /** The partner's balances per currency, from the ledger. */
    public List<Balance> balances(WorkspaceId workspace, PartnerId partner) {
        return ledger.balances(workspace, partner);
    }

    /** Every partner and currency with the ledger's balances beside the commissions' sums. */
    public List<Reconciliation> reconcile(WorkspaceId workspace) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, PartnerId> partnerOf = new HashMap<>();
        Map<String, Currency> currencyOf = new HashMap<>();
        for (Balance b : ledger.allBalances(workspace)) {
            String key = b.partnerId().value() + "/" + b.currency().getCurrencyCode();
            long[] s = sums.computeIfAbsent(key, k -> new long[6]);
            s[0] = b.pending().amount();
            s[2] = b.payable().amount() + b.inTransit().amount(); // a payout being sent holds approved commissions
            s[4] = b.paid().amount();
            partnerOf.put(key, b.partnerId());
            currencyOf.put(key, b.currency());
        }
        for (CommissionRepository.Total t : commissions.cashTotals(workspace)) {
            String key = t.partner().value() + "/" + t.currency().getCurrencyCode();
            long[] s = sums.computeIfAbsent(key, k -> new long[6]);
            partnerOf.put(key, t.partner());
            currencyOf.put(key, t.currency());
            switch (t.status()) {
                case PENDING, HOLD -> s[1] += t.amount();
                case APPROVED -> s[3] += t.amount();
                case PAID -> s[5] += t.amount();
                default -> {
                }
            }
        }
        List<Reconciliation> lines = new ArrayList<>();
        sums.forEach((key, s) -> lines.add(new Reconciliation(partnerOf.get(key), currencyOf.get(key), s[0], s[1], s[2],
                s[3], s[4], s[5])));
        return lines;
    }

    /** Rewards owed to referred customers (double-sided programs), newest first; only open ones when asked. */
    public Page<CustomerReward> customerRewards(WorkspaceId workspace, boolean open, PageRequest page) {
        return Page.fromOverfetch(customerRewards.list(workspace, open, page.startingAfter(), page.fetchSize()), page);
    }

    /** Records that the business gave the customer their reward; honouring twice changes nothing. */
    @Transactional
    public CustomerReward honour(WorkspaceId workspace, Actor by, UUID id) {
        CustomerReward reward = customerRewards.find(workspace, id)
                .orElseThrow(() -> new NotFoundException("no customer reward " + id));
        if (customerRewards.honour(workspace, id, by.name(), clock.instant())) {
            audit.record(workspace, by, "customer_reward.honoured", id.toString(),
                    Map.of("referral", reward.referralId().toString()));
        }
        return customerRewards.find(workspace, id).orElseThrow();
    }

    private List<Commission> change(WorkspaceId workspace, Actor by, List<CommissionId> ids, CommissionStatus to,
            String reason) {
        if (ids == null || ids.isEmpty()) {
            throw InvalidInputException.of("ids", "commission.error.noneChosen", "choose at least one commission");
        }
        List<Commission> locked = family(workspace, ids);
        Set<CommissionId> found = new LinkedHashSet<>();
        locked.forEach(c -> found.add(c.id()));
        List<String> unknown = ids.stream().filter(id -> !found.contains(id)).map(CommissionId::toString).toList();
        if (!unknown.isEmpty()) {
            throw new NotFoundException("no commission " + String.join(", ", unknown));
        }
        for (Commission c : locked) {
            if (c.payoutId() != null && c.status() != to) {
                throw new ConflictException("commission " + c.id() + " is in payout " + Ids.format("pay", c.payoutId())
                        + ": cancel that payout first");
            }
        }
        List<Commission> done = new ArrayList<>();
        for (Commission c : locked) {
            done.add(c.status() == to ? c : books.move(c, to, reason, null, by, null));
        }
        audit.record(workspace, by, "commission." + to.code(), ids(ids), Map.of("count", ids.size(), "reason", reason));
        return done;
    }

    // the commissions and their unpaid reversals, which follow them (a held sale holds its partial refund too)
    private List<Commission> family(WorkspaceId workspace, List<CommissionId> ids) {
        List<Commission> locked = new ArrayList<>(commissions.lock(workspace, ids));
        Set<CommissionId> seen = new LinkedHashSet<>();
        locked.forEach(c -> seen.add(c.id()));
        for (Commission offset : commissions.openOffsetsOf(workspace, ids)) {
            if (seen.add(offset.id()) && offset.kind() == CommissionKind.REVERSAL) {
                locked.add(offset);
            }
        }
        return locked;
    }

    private static String required(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "validation.required", "is required");
        }
        return reason.trim();
    }

    private static String ids(List<CommissionId> ids) {
        return ids.size() == 1 ? ids.get(0).toString() : ids.size() + " commissions";
    }
}
