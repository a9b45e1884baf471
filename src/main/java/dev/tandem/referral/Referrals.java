package dev.tandem.referral;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tandem.core.EmailAddresses;
import dev.tandem.core.ListPage;
import dev.tandem.core.ListRequest;
import dev.tandem.core.ListSort;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.referral.internal.Assignment;
import dev.tandem.referral.internal.CustomerRepository;
import dev.tandem.referral.internal.EventRepository;
import dev.tandem.referral.internal.Pipeline;
import dev.tandem.referral.internal.ReferralRepository;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Referrals, their customers, history and events; managers' moves and hand assignments. */
@Service
public class Referrals {

    private final ReferralRepository referrals;
    private final CustomerRepository customers;
    private final EventRepository events;
    private final Pipeline pipeline;
    private final Assignment assignment;
    private final Partners partners;
    private final Programs programs;
    private final AuditLog audit;

    Referrals(ReferralRepository referrals, CustomerRepository customers, EventRepository events, Pipeline pipeline,
            Assignment assignment, Partners partners, Programs programs, AuditLog audit) {
        this.referrals = referrals;
        this.customers = customers;
        this.events = events;
        this.pipeline = pipeline;
        this.assignment = assignment;
        this.partners = partners;
        this.programs = programs;
        this.audit = audit;
    }

    /** List filter; every part nullable. {@code search} matches customer email, name, external id or company. */
    public record Filter(ProgramId program, PartnerId partner, ReferralStatus status, String search) {
    }

    /** One referral as lists show it. */
    public record Row(Referral referral, Customer customer, String partnerName, String programName) {
    }

    /** Newest first; page with the last referral id of the previous page. */
    public Page<Row> list(WorkspaceId workspace, Filter filter, PageRequest page) {
        Filter f = filter == null ? new Filter(null, null, null, null) : filter;
        List<ReferralRepository.WithCustomer> rows = referrals.list(workspace, f.program(), f.partner(), f.status(),
                f.search(), page.startingAfter(), page.fetchSize());
        return Page.fromOverfetch(rows(workspace, rows), page);
    }

    /**
     * The orders a staff reader may sort referrals by: newest first unless asked otherwise (by
     * customer, or by last change); the id breaks ties.
     */
    public static final ListSort SORTS = ListSort.of("r.id",
            ListSort.Key.descending("created", "r.created_at"),
            ListSort.Key.ascending("customer", "lower(coalesce(nullif(c.name, ''), c.email, c.external_id))").nullable(),
            ListSort.Key.descending("updated", "r.updated_at"));

    /** One page of the filtered referrals in the asked order ({@link #SORTS}), with how many there are. */
    public ListPage<Row> sorted(WorkspaceId workspace, Filter filter, ListRequest request) {
        Filter f = filter == null ? new Filter(null, null, null, null) : filter;
        long total = referrals.count(workspace, f.program(), f.partner(), f.status(), f.search());
        return ListPage.fetch(request, total, page -> rows(workspace,
                referrals.sorted(workspace, f.program(), f.partner(), f.status(), f.search(), page)));
    }

    /** @throws NotFoundException if absent */
    public Referral get(WorkspaceId workspace, ReferralId id) {
        return referrals.find(workspace, id).orElseThrow(() -> new NotFoundException("no referral " + id));
    }

    public Customer customer(WorkspaceId workspace, CustomerId id) {
        return customers.find(workspace, id).orElseThrow(() -> new NotFoundException("no customer " + id));
    }

    /** Oldest first, from its creation. */
    public List<ReferralStatusChange> history(WorkspaceId workspace, ReferralId id) {
        return referrals.history(workspace, id);
    }

    /** The referral's events, oldest first. */
    public List<ConversionEvent> events(WorkspaceId workspace, ReferralId id) {
        return events.ofReferral(workspace, id);
    }

    /** A sale with the refunds and chargebacks that named it so far, oldest first. */
    public record SaleRefunds(ConversionEvent sale, List<ConversionEvent> refunds) {

        /** What the refunds and chargebacks have not taken back yet, in the sale's currency's minor units. */
        public long left() {
            return sale.amount().amount() - refunds.stream().mapToLong(r -> r.amount().amount()).sum();
        }

        public boolean hasRefund(String externalId) {
            return refunds.stream().anyMatch(r -> r.externalId().equals(externalId));
        }
    }

    /** The sale the sender named {@code externalId}, with what was taken back from it; empty if there is no such sale. */
    public Optional<SaleRefunds> sale(WorkspaceId workspace, String externalId) {
        return events.saleByExternalId(workspace, externalId).filter(s -> s.event().type() == EventType.SALE)
                .map(s -> new SaleRefunds(s.event(), events.refundsOf(workspace, s.event().id())));
    }

    public ConversionEvent event(WorkspaceId workspace, EventId id) {
        return events.find(workspace, id).orElseThrow(() -> new NotFoundException("no event " + id));
    }

    /** Events nobody got the credit for, newest first. */
    public Page<ConversionEvent> unattributed(WorkspaceId workspace, PageRequest page) {
        return Page.fromOverfetch(events.page(workspace, true, page.startingAfter(), page.fetchSize()), page);
    }

    /** Every event, newest first. */
    public Page<ConversionEvent> allEvents(WorkspaceId workspace, PageRequest page) {
        return Page.fromOverfetch(events.page(workspace, false, page.startingAfter(), page.fetchSize()), page);
    }

    /**
     * Why the referral's partner has it: the explanation of the latest event that credited them,
     * or null when a person gave the credit without an event (a claim, a hand assignment).
     */
    public Attribution attribution(WorkspaceId workspace, Referral referral) {
        return events.latestCredit(workspace, referral.id(), referral.partnerId()).orElse(null);
    }

    /** A manager moves a referral (e.g. to lost or churned) with a reason; guarded transitions. */
    @Transactional
    public Referral move(WorkspaceId workspace, Actor by, ReferralId id, ReferralStatus to, String reason) {
        Referral moved = pipeline.move(workspace, by, id, to, reason);
        audit.record(workspace, by, "referral.status_changed", id.toString(),
                Map.of("to", moved.status().code(), "reason", reason == null ? "" : reason.trim()));
        return moved;
    }

    /** Credits a customer (by email) to a partner by hand, e.g. an accepted missing-referral claim:
     *  creates the customer/referral if needed or re-attributes an existing one; later events follow it. */
    @Transactional
    public Referral assignByHand(WorkspaceId workspace, Actor by, ProgramId program, PartnerId partner,
            String customerEmail, String customerName, String attributedBy, String reason) {
        return assignment.assignCustomer(workspace, by, program, partner, customerEmail, customerName, attributedBy,
                reason);
    }

    /** Whether this email already belongs to a customer with a referral in the program (for deal conflicts). */
    public Optional<Row> existingReferral(WorkspaceId workspace, ProgramId program, String customerEmail) {
        CustomerKey key = new CustomerKey(program, customerEmail);
        return Optional.ofNullable(existingReferrals(workspace, List.of(key)).get(key));
    }

    /** A customer of a program by email, as a queue of claims asks about many at once. */
    public record CustomerKey(ProgramId program, String email) {
    }

    /**
     * {@link #existingReferral} for each key, the program and partner names read once for all of
     * them rather than once per key; keys with no referral are left out.
     */
    public Map<CustomerKey, Row> existingReferrals(WorkspaceId workspace, Collection<CustomerKey> keys) {
        Map<CustomerKey, ReferralRepository.WithCustomer> found = new LinkedHashMap<>();
        for (CustomerKey key : new LinkedHashSet<>(keys)) {
            if (key.email() != null && !key.email().isBlank()) {
                referrals.byEmail(workspace, key.program(), EmailAddresses.normalised(key.email()))
                        .ifPresent(r -> found.put(key, r));
            }
        }
        List<Row> rows = rows(workspace, List.copyOf(found.values()));
        Map<CustomerKey, Row> byKey = new HashMap<>();
        int i = 0;
        for (CustomerKey key : found.keySet()) {
            byKey.put(key, rows.get(i++));
        }
        return byKey;
    }

    private List<Row> rows(WorkspaceId workspace, List<ReferralRepository.WithCustomer> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<ProgramId, String> programNames = new HashMap<>();
        for (Program p : programs.list(workspace)) {
            programNames.put(p.id(), p.name());
        }
        Map<PartnerId, String> partnerNames = new HashMap<>();
        return rows.stream().map(r -> new Row(r.referral(), r.customer(),
                partnerNames.computeIfAbsent(r.referral().partnerId(), p -> partners.get(workspace, p).name()),
                programNames.getOrDefault(r.referral().programId(), ""))).toList();
    }
}
