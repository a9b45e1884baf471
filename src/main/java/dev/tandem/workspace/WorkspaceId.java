package dev.tandem.workspace;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A workspace (tenant); {@code wsp_…} outside. */
public record WorkspaceId(UUID value) implements TypedId {

    public static final String PREFIX = "wsp";

    public static WorkspaceId parse(String publicId) {
        return new WorkspaceId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
