package dev.tandem.referral;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A publishable key of the JavaScript snippet, {@code pk_…} outside (the key itself is {@code tnd_pk_…}). */
public record PublishableKeyId(UUID value) implements TypedId {

    public static final String PREFIX = "pk";

    public static PublishableKeyId parse(String publicId) {
        return new PublishableKeyId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
