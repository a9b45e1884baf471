package dev.tandem.notification;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** An email in the outbox; {@code eml_…} outside. */
public record EmailId(UUID value) implements TypedId {

    public static final String PREFIX = "eml";

    public static EmailId parse(String publicId) {
        return new EmailId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
