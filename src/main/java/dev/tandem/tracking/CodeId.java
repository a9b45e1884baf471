package dev.tandem.tracking;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A referral or coupon code, {@code cod_…} outside. */
public record CodeId(UUID value) implements TypedId {

    public static final String PREFIX = "cod";

    public static CodeId parse(String publicId) {
        return new CodeId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
