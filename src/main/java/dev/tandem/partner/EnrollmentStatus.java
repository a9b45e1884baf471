package dev.tandem.partner;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a partner stands in a program. Only the transitions listed here are allowed; each one is
 * recorded with who made it and why.
 */
public enum EnrollmentStatus {
    INVITED, PENDING, APPROVED, REJECTED, SUSPENDED, BANNED, ARCHIVED;

    public String code() {
        return name().toLowerCase();
    }

    public static EnrollmentStatus fromCode(String code) {
        return valueOf(code.toUpperCase());
    }

    /** The statuses this one may move to. */
    public Set<EnrollmentStatus> next() {
        return switch (this) {
            case INVITED -> EnumSet.of(APPROVED, ARCHIVED);
            case PENDING -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED -> EnumSet.of(SUSPENDED, BANNED, ARCHIVED);
            case REJECTED -> EnumSet.of(APPROVED, ARCHIVED);
            case SUSPENDED -> EnumSet.of(APPROVED, BANNED, ARCHIVED);
            case BANNED -> EnumSet.of(ARCHIVED);
            case ARCHIVED -> EnumSet.of(APPROVED);
        };
    }

    public boolean canBecome(EnrollmentStatus target) {
        return next().contains(target);
    }

    /** Whether a partner in this status may refer (keeps links working, earns commissions). */
    public boolean active() {
        return this == APPROVED;
    }
}
