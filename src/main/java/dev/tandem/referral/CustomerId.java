package dev.tandem.referral;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A customer of the business as the intake knows it, {@code cus_…} outside. */
public record CustomerId(UUID value) implements TypedId {

    public static final String PREFIX = "cus";

    public static CustomerId parse(String publicId) {
        return new CustomerId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
