package dev.tandem.payout;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A payout run; {@code run_…} outside. */
public record PayoutRunId(UUID value) implements TypedId {

    public static final String PREFIX = "run";

    public static PayoutRunId parse(String publicId) {
        return new PayoutRunId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
