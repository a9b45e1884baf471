package dev.tandem.program;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A tier (group) of a program; {@code tir_…} outside. */
public record TierId(UUID value) implements TypedId {

    public static final String PREFIX = "tir";

    public static TierId parse(String publicId) {
        return new TierId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
