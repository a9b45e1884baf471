package dev.tandem.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import dev.tandem.core.ConflictException;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.Sha256;
import dev.tandem.partner.PartnerId;
import dev.tandem.referral.internal.EventRepository;
import dev.tandem.referral.internal.Assignment;
import dev.tandem.referral.internal.IntakeGroups;
import dev.tandem.referral.internal.Recorder;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one door for events about referred customers (API, hosted page, snippet): stores each event
 * once per sender's id, attributes it, moves the referral. An event nobody can be credited for is
 * stored all the same and can be assigned by hand later.
 */
@Service
public class Intake {

    /** The body's fingerprint ignores key order and formatting: the same event sent again is the same. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Recorder recorder;
    private final Assignment assignment;
    private final EventRepository events;
    private final Referrals referrals;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final IntakeGroups groups;

    Intake(Recorder recorder, Assignment assignment, EventRepository events, Referrals referrals,
            PlatformTransactionManager transactions, Clock clock, IntakeGroups groups) {
        this.groups = groups;
        this.recorder = recorder;
        this.assignment = assignment;
        this.events = events;
        this.referrals = referrals;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What {@link #record} did: the stored event, its referral (nullable), and whether it was a replay. */
    public record Recorded(ConversionEvent event, Referral referral, boolean replayed) {
    }

    /** What {@link #answer} did: the JSON answer stored with the event, which a replay answers again word for word. */
    public record Answered(boolean replayed, String answerJson) {
    }

    /** Stores the event (never loses one; unattributable ones are kept with partner null), attributes it,
     *  moves the referral; replay of the same external id answers the first answer (replayed=true). */
    public Recorded record(WorkspaceId workspace, Actor by, EventInput input, EventSource source) {
        Recorder.Outcome outcome = store(workspace, by, input, source, List.of());
        if (outcome instanceof Recorder.Outcome.Stored stored) {
            return new Recorded(stored.result().event(), stored.result().referral(), false);
        }
        EventId id = ((Recorder.Outcome.Existing) outcome).stored().id();
        ConversionEvent event = events.find(workspace, id).orElseThrow(() -> new NotFoundException("no event " + id));
        Referral referral = event.referralId() == null ? null : referrals.get(workspace, event.referralId());
        return new Recorded(event, referral, true);
    }

    /**
     * {@link #record} for the API, which needs only the answer (a replay reads nothing but the stored
     * one): {@code earlier} are problems the caller found while reading the body (e.g. an unparseable
     * time), answered together with the intake's own in one 422.
     *
     * @throws dev.tandem.core.InvalidInputException listing every invalid field; nothing is stored
     * @throws ConflictException when the id was used before for a different event
     */
    public Answered answer(WorkspaceId workspace, Actor by, EventInput input, EventSource source,
            List<FieldProblem> earlier) {
        Recorder.Outcome outcome = store(workspace, by, input, source, earlier);
        return outcome instanceof Recorder.Outcome.Stored stored ? new Answered(false, stored.result().answer())
                : new Answered(true, ((Recorder.Outcome.Existing) outcome).stored().answer());
    }

    /** Assigns an unattributed event to a partner by hand: re-runs attribution with a "manual" touch. */
    public ConversionEvent assign(WorkspaceId workspace, Actor by, EventId event, PartnerId partner, String reason) {
        return transaction.execute(status -> assignment.assignEvent(workspace, by, event, partner, reason));
    }

    /** Stored now, or {@link Recorder.Outcome.Existing} with the same body (a replay, or a twin stored meanwhile). */
    private Recorder.Outcome store(WorkspaceId workspace, Actor by, EventInput input, EventSource source,
            List<FieldProblem> earlier) {
        byte[] fingerprint = Sha256.of(CANONICAL.writeValueAsString(input));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        IntakeGroups.Work work = new IntakeGroups.Work(workspace, by, input, source, fingerprint, now, earlier);
        // a caller with a transaction of its own (it may hold locks a group waits for) stores in it, at once
        Recorder.Outcome outcome = TransactionSynchronizationManager.isActualTransactionActive() ? groups.alone(work)
                : groups.store(work);
        if (outcome instanceof Recorder.Outcome.LostRace) {
            // a twin without customer or sale to lock on was stored while this one was being worked out
            outcome = new Recorder.Outcome.Existing(events.byExternalId(workspace, input.id().trim()).orElseThrow());
        }
        if (outcome instanceof Recorder.Outcome.Existing existing
                && !Arrays.equals(existing.stored().payloadSha256(), fingerprint)) {
            throw new ConflictException("an event with this id was received before with a different body ("
                    + existing.stored().id() + "); an id names one event: send a new id for a new event, or the same"
                    + " body to read the first answer again");
        }
        return outcome;
    }
}
