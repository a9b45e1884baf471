package dev.tandem.partner;

import java.time.Instant;

import dev.tandem.workspace.Actor;

/** One line of an enrollment's history: a status change or a tier move, by whom, when and why. */
public record EnrollmentEvent(Instant occurredAt, Kind kind, String from, String to, String reason, Actor actor) {

    public enum Kind { STATUS, TIER }
}
