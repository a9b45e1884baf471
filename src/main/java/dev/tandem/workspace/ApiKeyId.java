package dev.tandem.workspace;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** An API key's id (never its secret); {@code key_…} outside. */
public record ApiKeyId(UUID value) implements TypedId {

    public static final String PREFIX = "key";

    public static ApiKeyId parse(String publicId) {
        return new ApiKeyId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
