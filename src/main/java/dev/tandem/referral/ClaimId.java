package dev.tandem.referral;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A partner's missing-referral claim, {@code clm_…} outside. */
public record ClaimId(UUID value) implements TypedId {

    public static final String PREFIX = "clm";

    public static ClaimId parse(String publicId) {
        return new ClaimId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
