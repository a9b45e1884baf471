package dev.tandem.commission;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A commission; {@code com_…} outside. */
public record CommissionId(UUID value) implements TypedId {

    public static final String PREFIX = "com";

    public static CommissionId parse(String publicId) {
        return new CommissionId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
