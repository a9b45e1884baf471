package dev.tandem.referral;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A customer referred by a partner in a program, {@code ref_…} outside. */
public record ReferralId(UUID value) implements TypedId {

    public static final String PREFIX = "ref";

    public static ReferralId parse(String publicId) {
        return new ReferralId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
