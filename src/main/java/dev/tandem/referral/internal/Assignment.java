package dev.tandem.referral.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tandem.core.ConflictException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.Enrollment;
import dev.tandem.partner.EnrollmentStatus;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.Attribution;
import dev.tandem.referral.ConversionEvent;
import dev.tandem.referral.Customer;
import dev.tandem.referral.EventId;
import dev.tandem.referral.EventType;
import dev.tandem.referral.Referral;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Credit given by a person: an unattributed event assigned to a partner (its referral created or
 * moved, its refunds following it), or a customer credited to a partner (an accepted claim).
 */
@Component
public class Assignment {

    private final EventRepository events;
    private final Pipeline pipeline;
    private final CustomerBook customers;
    private final Partners partners;
    private final ApplicationEventPublisher publisher;
    private final AuditLog audit;
    private final Clock clock;

    Assignment(EventRepository events, Pipeline pipeline, CustomerBook customers, Partners partners,
            ApplicationEventPublisher publisher, AuditLog audit, Clock clock) {
        this.events = events;
        this.pipeline = pipeline;
        this.customers = customers;
        this.partners = partners;
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
    }

    public ConversionEvent assignEvent(WorkspaceId workspace, Actor by, EventId id, PartnerId partner, String reason) {
        ConversionEvent e = events.find(workspace, id).orElseThrow(() -> new NotFoundException("no event " + id));
        if (partner == null) {
            throw InvalidInputException.of("partnerId", "validation.required", "is required");
        }
        if (e.attributed()) {
            throw new ConflictException("event " + id + " is already credited to " + e.partnerId());
        }
        if (e.type() == EventType.REFUND || e.type() == EventType.CHARGEBACK) {
            throw new ConflictException("a " + e.type().code() + " follows its sale: assign the sale " + e.refundOf());
        }
        if (e.customerId() == null) {
            throw new ConflictException("event " + id + " names no customer, so there is nobody to credit");
        }
        String why = reason == null ? "" : reason.trim();
        ProgramId program = program(workspace, e.programId(), partner);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String byHand = "assigned by hand by " + by.name() + (why.isEmpty() ? "" : ": " + why);
        List<Attribution.Touch> touches = new ArrayList<>();
        touches.add(new Attribution.Touch("manual", partner, null, now, Weighing.WON, byHand));
        e.attribution().touchpoints().forEach(t -> touches.add(Weighing.IGNORED.equals(t.outcome()) ? t
                : new Attribution.Touch(t.kind(), t.partnerId(), t.linkId(), t.at(), Weighing.LOST, "overridden by hand")));
        Attribution manual = new Attribution("manual", partner, null, byHand, touches);
        Referral referral = pipeline.assign(workspace, by, program, e.customerId(), partner, "manual",
                Pipeline.statusOf(e.type()), e.type() == EventType.SALE ? e.occurredAt() : null, e.id(),
                e.type().code() + " " + e.externalId() + " assigned by hand" + (why.isEmpty() ? "" : ": " + why));
        ConversionEvent assigned = withCredit(e, program, referral, partner, manual);
        events.assign(assigned, by.name());
        publisher.publishEvent(Recorder.recorded(assigned));
        for (ConversionEvent refund : events.refundsOf(workspace, e.id())) {
            ConversionEvent follows = withCredit(refund, program, referral, partner, new Attribution("manual", partner,
                    null, "follows its sale " + e.externalId() + ", assigned by hand", List.of()));
            events.assign(follows, by.name());
            publisher.publishEvent(Recorder.recorded(follows));
        }
        audit.record(workspace, by, "event.assigned", id.toString(),
                Map.of("partner", partner.toString(), "reason", why, "referral", referral.id().toString()));
        return assigned;
    }

    public Referral assignCustomer(WorkspaceId workspace, Actor by, ProgramId program, PartnerId partner, String email,
            String name, String attributedBy, String reason) {
        if (email == null || !dev.tandem.core.EmailAddresses.valid(email)) {
            throw InvalidInputException.of("customerEmail", "validation.email", "must be an email");
        }
        requireApproved(workspace, program, partner);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String cleanName = name == null || name.isBlank() ? null : name.trim();
        Customer customer = customers.byEmail(workspace, dev.tandem.core.EmailAddresses.normalised(email), cleanName, now);
        String why = reason == null ? "" : reason.trim();
        Referral referral = pipeline.assign(workspace, by, program, customer.id(), partner,
                attributedBy == null ? "manual" : attributedBy, dev.tandem.referral.ReferralStatus.LEAD, null, null,
                "credited by hand (" + (attributedBy == null ? "manual" : attributedBy) + ")"
                        + (why.isEmpty() ? "" : ": " + why));
        audit.record(workspace, by, "referral.assigned", referral.id().toString(),
                Map.of("partner", partner.toString(), "reason", why, "attributedBy", referral.attributedBy()));
        return referral;
    }

    private ProgramId program(WorkspaceId workspace, ProgramId known, PartnerId partner) {
        if (known != null) {
            requireApproved(workspace, known, partner);
            return known;
        }
        List<Enrollment> approved = partners.enrollmentsOf(workspace, partner).stream()
                .filter(en -> en.status() == EnrollmentStatus.APPROVED).toList();
        if (approved.size() != 1) {
            throw InvalidInputException.of("partnerId", "validation.invalid", "the event names no program and the"
                    + " partner is approved in " + approved.size() + " programs: there is no telling which one");
        }
        return approved.get(0).programId();
    }

    private void requireApproved(WorkspaceId workspace, ProgramId program, PartnerId partner) {
        EnrollmentStatus status = partners.enrollment(workspace, program, partner).map(Enrollment::status).orElse(null);
        if (status != EnrollmentStatus.APPROVED) {
            throw InvalidInputException.of("partnerId", "validation.invalid", status == null
                    ? "is not a partner in this program" : "is " + status.code() + " in this program, not approved");
        }
    }

    private static ConversionEvent withCredit(ConversionEvent e, ProgramId program, Referral referral, PartnerId partner,
            Attribution attribution) {
        return new ConversionEvent(e.workspaceId(), e.id(), e.externalId(), e.type(), e.occurredAt(), e.receivedAt(),
                program, e.customerId(), referral.id(), partner, null, e.amount(), e.recurring(), e.refundOf(),
                e.metadataJson(), attribution, e.source());
    }
}
