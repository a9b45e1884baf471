package dev.tandem.referral.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tandem.core.EmailAddresses;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.Ids;
import dev.tandem.partner.PartnerId;
import dev.tandem.referral.Attribution;
import dev.tandem.referral.ConversionEvent;
import dev.tandem.referral.ConversionRecorded;
import dev.tandem.referral.Customer;
import dev.tandem.referral.EventId;
import dev.tandem.referral.EventInput;
import dev.tandem.referral.EventSource;
import dev.tandem.referral.EventType;
import dev.tandem.referral.Referral;
import dev.tandem.referral.ReferralStatusChange;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The work of storing one event, inside the intake's transaction: check, find the customer,
 * attribute, remember the touches, move the referral, store the event with its first answer.
 * Few statements, all in one transaction, so that a rejected or lost event leaves nothing behind.
 */
@Component
public class Recorder {

    private final EventValidator validator;
    private final EventRepository events;
    private final CustomerBook customers;
    private final CustomerRepository customerRows;
    private final ReferralRepository referrals;
    private final TouchpointRepository touchpoints;
    private final Attributor attributor;
    private final Pipeline pipeline;
    private final ApplicationEventPublisher publisher;
    private final EventConsequences consequences;

    Recorder(EventValidator validator, EventRepository events, CustomerBook customers, CustomerRepository customerRows,
            ReferralRepository referrals, TouchpointRepository touchpoints, Attributor attributor, Pipeline pipeline,
            ApplicationEventPublisher publisher, EventConsequences consequences) {
        this.consequences = consequences;
        this.validator = validator;
        this.events = events;
        this.customers = customers;
        this.customerRows = customerRows;
        this.referrals = referrals;
        this.touchpoints = touchpoints;
        this.attributor = attributor;
        this.pipeline = pipeline;
        this.publisher = publisher;
    }

    /** A stored event with its referral and the answer stored with it. */
    public record Result(ConversionEvent event, Referral referral, String answer) {
    }

    /** What became of an event: stored now, found stored before (a replay), or stored by a twin meanwhile. */
    public sealed interface Outcome {
        record Stored(Result result) implements Outcome {
        }

        record Existing(EventRepository.Stored stored) implements Outcome {
        }

        /** A twin without customer or sale to lock on was stored first; this transaction must roll back. */
        record LostRace() implements Outcome {
        }
    }

    public Outcome record(WorkspaceId workspace, Actor by, EventInput input, EventSource source, byte[] payloadSha256,
            Instant now, List<FieldProblem> earlier) {
        String externalId = EventValidator.blankToNull(input.id());
        // without an id, or with problems found already, the check below refuses the event: nothing to lock or find
        if (externalId != null && earlier.isEmpty()) {
            Optional<EventRepository.Stored> existing = events.lockAndFind(workspace, lockKey(input), externalId);
            if (existing.isPresent()) {
                return new Outcome.Existing(existing.get());
            }
        }
        return store(workspace, by, input, source, payloadSha256, now, earlier, null);
    }

    /**
     * {@link #record} for one of a group of events whose locks are taken and whose earlier events and
     * customers were looked up for the whole group at once.
     *
     * @param existing the event stored before under the same external id, or null
     * @param looked   the customer looked up by the event's key, or null to look now
     */
    public Outcome recordLocked(WorkspaceId workspace, Actor by, EventInput input, EventSource source,
            byte[] payloadSha256, Instant now, List<FieldProblem> earlier, EventRepository.Stored existing,
            CustomerBook.Looked looked) {
        if (existing != null && EventValidator.blankToNull(input.id()) != null && earlier.isEmpty()) {
            return new Outcome.Existing(existing);
        }
        return store(workspace, by, input, source, payloadSha256, now, earlier, looked);
    }

    private Outcome store(WorkspaceId workspace, Actor by, EventInput input, EventSource source, byte[] payloadSha256,
            Instant now, List<FieldProblem> earlier, CustomerBook.Looked looked) {
        CheckedEvent c = validator.check(workspace, input, now, earlier);
        EventId id = new EventId(Ids.newId());
        Draft result = c.isRefund() ? refund(workspace, c, id, source, now)
                : attribute(workspace, by, c, id, source, now, looked);
        // listeners run in this transaction (commissions): what they made belongs in the answer stored with the event
        publisher.publishEvent(recorded(result.event()));
        String answer = ApiViews.json(consequences.withCommissions(workspace, id, result.answer()));
        Optional<String> stored = events.insert(result.event(), new EventRepository.Extras(payloadSha256,
                answer, c.clickId(), c.code(), c.partnerHint() == null ? null : c.partnerHint().value()));
        if (stored.isEmpty()) {
            // a twin was stored meanwhile: the caller rolls this transaction back, commissions and all
            return new Outcome.LostRace();
        }
        return new Outcome.Stored(new Result(result.event(), result.referral(), stored.get()));
    }

    /** An event worked out but not stored yet, with its answer still a map (written to JSON once, when complete). */
    private record Draft(ConversionEvent event, Referral referral, Map<String, Object> answer) {
    }

    private Draft attribute(WorkspaceId workspace, Actor by, CheckedEvent c, EventId id, EventSource source,
            Instant now, CustomerBook.Looked looked) {
        CustomerBook.Resolved resolved = customers.resolve(workspace, c.customer(), now, looked);
        Customer customer = resolved.customer();
        List<Referral> theirs = resolved.known() ? referrals.ofCustomer(workspace, customer.id()) : List.of();
        Attributor.Decision d = attributor.decide(workspace, c, id, customer, resolved.known(), theirs);
        Attribution explanation = d.explanation();
        PartnerId partner = d.partner();
        if (customer == null && partner != null) {
            partner = null;
            explanation = new Attribution(explanation.model(), null, null,
                    "no customer given: a referral needs customer.externalId or customer.email", explanation.touchpoints());
        }
        if (customer != null && d.programId() != null && !d.newTouches().isEmpty()) {
            touchpoints.insert(workspace, customer.id(), d.programId(), d.newTouches());
        }
        Referral referral = null;
        List<ReferralStatusChange> history = null;
        if (partner != null) {
            Pipeline.Applied applied = pipeline.apply(workspace, by, d.existing(), new Pipeline.Step(d.programId(), customer.id(),
                    partner, d.link(), d.attributedBy(), d.moves(), c.type(), c.occurredAt(), id,
                    c.type().code() + " " + c.externalId() + ": " + explanation.reason()));
            referral = applied.referral();
            history = applied.creation() == null ? null : List.of(applied.creation());
        }
        boolean recurring = c.type() == EventType.SALE && resolved.known()
                && (d.existing() != null && d.existing().firstSaleAt() != null
                        || events.hasSale(workspace, customer.id(), d.programId()));
        ConversionEvent event = new ConversionEvent(workspace, id, c.externalId(), c.type(), c.occurredAt(), now,
                d.programId(), customer == null ? null : customer.id(), referral == null ? null : referral.id(),
                partner, partner == null ? null : d.link(), c.amount(), recurring, null, c.metadataJson(), explanation,
                source);
        return new Draft(event, referral, answer(workspace, event, referral, customer, history));
    }

    /** A refund or chargeback follows its sale: same customer, referral and partner; nothing is weighed again. */
    private Draft refund(WorkspaceId workspace, CheckedEvent c, EventId id, EventSource source, Instant now) {
        ConversionEvent sale = c.refundOf().event();
        String reason = "follows its sale " + sale.externalId()
                + (sale.attributed() ? "" : ", which nobody is credited for yet");
        Attribution explanation = new Attribution(sale.attribution().model(), sale.partnerId(), sale.linkId(), reason,
                List.of());
        ConversionEvent event = new ConversionEvent(workspace, id, c.externalId(), c.type(), c.occurredAt(), now,
                sale.programId(), sale.customerId(), sale.referralId(), sale.partnerId(), sale.linkId(), c.amount(),
                false, sale.id(), c.metadataJson(), explanation, source);
        Referral referral = sale.referralId() == null ? null : referrals.find(workspace, sale.referralId()).orElse(null);
        Customer customer = referral == null ? null : customerRows.find(workspace, referral.customerId()).orElseThrow();
        return new Draft(event, referral, answer(workspace, event, referral, customer, null));
    }

    /** @param history the referral's history when known without reading it (it was just created), else null */
    private Map<String, Object> answer(WorkspaceId workspace, ConversionEvent event, Referral referral, Customer customer,
            List<ReferralStatusChange> history) {
        Map<String, Object> referralView = referral == null ? null : ApiViews.referral(referral, customer,
                event.attribution(), history != null ? history : referrals.history(workspace, referral.id()));
        return ApiViews.answer(event, referralView);
    }

    public static ConversionRecorded recorded(ConversionEvent e) {
        return new ConversionRecorded(e.workspaceId(), e.id(), e.type(), e.programId(), e.partnerId(), e.referralId(),
                e.customerId(), e.amount(), e.recurring(), e.refundOf(), e.occurredAt(),
                e.metadataJson() == null ? "{}" : e.metadataJson());
    }

    /**
     * Everything two events must not share to be worked out in one group: their external id, customer
     * id, email and sale (an event with a key in common waits for the next group, so each event sees
     * the ones before it as stored).
     */
    public static java.util.Set<String> groupKeys(EventInput in) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        String id = EventValidator.blankToNull(in.id());
        if (id != null) {
            keys.add("id:" + id);
        }
        String refundOf = EventValidator.blankToNull(in.refundOf());
        if (refundOf != null) {
            keys.add("sale:" + refundOf);
        }
        CustomerBook.Looked key = customerKey(in);
        if (key != null && key.externalId() != null) {
            keys.add("cus:" + key.externalId());
        }
        if (key != null && key.email() != null) {
            keys.add("email:" + key.email());
        }
        return keys;
    }

    /** The customer key an event most likely names (as the check will read it), to look customers up for a group; null if none. */
    public static CustomerBook.Looked customerKey(EventInput in) {
        if (in.customer() == null) {
            return null;
        }
        String externalId = EventValidator.blankToNull(in.customer().externalId());
        String email = EventValidator.blankToNull(in.customer().email());
        email = email != null && EmailAddresses.valid(email) ? EmailAddresses.normalised(email) : null;
        return externalId == null && email == null ? null : new CustomerBook.Looked(externalId, email, null);
    }

    /** One customer's events (or one sale's refunds) are stored one after the other. */
    public static String lockKey(EventInput in) {
        String refundOf = EventValidator.blankToNull(in.refundOf());
        if (refundOf != null && ("refund".equals(in.type()) || "chargeback".equals(in.type()))) {
            return "sale:" + refundOf;
        }
        if (in.customer() == null) {
            return null;
        }
        String externalId = EventValidator.blankToNull(in.customer().externalId());
        if (externalId != null) {
            return "cus:" + externalId;
        }
        String email = EventValidator.blankToNull(in.customer().email());
        return email == null ? null : "email:" + EmailAddresses.normalised(email);
    }
}
