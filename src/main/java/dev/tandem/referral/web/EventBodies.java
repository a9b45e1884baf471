package dev.tandem.referral.web;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tandem.core.FieldProblem;
import dev.tandem.referral.EventInput;

/**
 * POST /api/v1/events' body as API.md shows it, and how it becomes the intake's input: one reading for
 * the Spring MVC controller and the listener's fast lane. {@code occurredAt} and {@code amount} are read
 * here, leniently, so that a bad value is a 422 naming the field rather than a 400 for the whole body.
 */
final class EventBodies {

    private EventBodies() {
    }

    record CustomerBody(String externalId, String email, String name, String company) {
    }

    record EventBody(String id, String type, String occurredAt, CustomerBody customer, String clickId, String code,
            String partnerId, String programId, Object amount, String currency, String refundOf,
            Map<String, Object> metadata) {
    }

    /** The intake's input and the problems found reading it (for {@code Intake.answer}'s {@code earlier}). */
    record Read(EventInput input, List<FieldProblem> problems) {
    }

    static Read read(EventBody body) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant occurredAt = occurredAt(body.occurredAt(), problems);
        Long amount = amount(body.amount(), problems);
        CustomerBody c = body.customer();
        EventInput input = new EventInput(body.id(), body.type(), occurredAt,
                c == null ? null : new EventInput.CustomerInput(c.externalId(), c.email(), c.name(), c.company()),
                body.clickId(), body.code(), body.partnerId(), body.programId(), amount, body.currency(),
                body.refundOf(), body.metadata());
        return new Read(input, problems);
    }

    private static Instant occurredAt(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException unparseable) {
            problems.add(new FieldProblem("occurredAt", "must be an ISO 8601 time with offset, e.g."
                    + " 2026-11-22T10:15:30Z", "validation.invalid"));
            return null;
        }
    }

    private static Long amount(Object value, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        problems.add(new FieldProblem("amount", "must be a whole number of minor units, e.g. 4999 for 49.99 EUR",
                "validation.invalid"));
        return null;
    }
}
