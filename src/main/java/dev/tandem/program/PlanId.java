package dev.tandem.program;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A version of a tier's commission plan; {@code pln_…} outside. */
public record PlanId(UUID value) implements TypedId {

    public static final String PREFIX = "pln";

    public static PlanId parse(String publicId) {
        return new PlanId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
