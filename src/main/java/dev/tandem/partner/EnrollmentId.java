package dev.tandem.partner;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A partner's place in one program; {@code enr_…} outside. */
public record EnrollmentId(UUID value) implements TypedId {

    public static final String PREFIX = "enr";

    public static EnrollmentId parse(String publicId) {
        return new EnrollmentId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
