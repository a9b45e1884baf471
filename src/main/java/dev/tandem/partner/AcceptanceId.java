package dev.tandem.partner;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** One recorded acceptance of an agreement version; {@code acc_…} outside. */
public record AcceptanceId(UUID value) implements TypedId {

    public static final String PREFIX = "acc";

    public static AcceptanceId parse(String publicId) {
        return new AcceptanceId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
