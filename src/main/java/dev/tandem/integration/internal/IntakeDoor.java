package dev.tandem.integration.internal;

import java.util.stream.Collectors;

import dev.tandem.core.ConflictException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.referral.EventId;
import dev.tandem.referral.EventInput;
import dev.tandem.referral.EventSource;
import dev.tandem.referral.Intake;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * Stripe's way into the intake, the same door as {@code POST /api/v1/events}: what the intake
 * refuses becomes an {@link Unmappable} with its reasons, for the manager to read.
 */
@Component
class IntakeDoor {

    static final Actor STRIPE = new Actor(Actor.Kind.SYSTEM, null, "Stripe");

    private final Intake intake;

    IntakeDoor(Intake intake) {
        this.intake = intake;
    }

    /** Records the event (a replay of one recorded before answers that one) and answers its id. */
    EventId record(WorkspaceId workspace, EventInput input) {
        try {
            return intake.record(workspace, STRIPE, input, EventSource.STRIPE).event().id();
        } catch (InvalidInputException refused) {
            throw new Unmappable("the intake refused " + input.type() + " " + input.id() + ": " + refused.problems()
                    .stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        } catch (ConflictException conflict) {
            throw new Unmappable(conflict.getMessage());
        }
    }
}
