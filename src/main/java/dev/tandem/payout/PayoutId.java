package dev.tandem.payout;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A payout to one partner in one currency; {@code pay_…} outside. */
public record PayoutId(UUID value) implements TypedId {

    public static final String PREFIX = "pay";

    public static PayoutId parse(String publicId) {
        return new PayoutId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
