package dev.tandem.referral;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A deal registered by a partner, {@code deal_…} outside. */
public record DealId(UUID value) implements TypedId {

    public static final String PREFIX = "deal";

    public static DealId parse(String publicId) {
        return new DealId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
