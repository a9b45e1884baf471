package dev.tandem.workspace;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A staff member of a workspace; {@code usr_…} outside. */
public record StaffUserId(UUID value) implements TypedId {

    public static final String PREFIX = "usr";

    public static StaffUserId parse(String publicId) {
        return new StaffUserId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
