package dev.tandem.referral;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** Something that happened to a referred customer (lead, sale, refund…), {@code evt_…} outside. */
public record EventId(UUID value) implements TypedId {

    public static final String PREFIX = "evt";

    public static EventId parse(String publicId) {
        return new EventId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
