package dev.tandem.program;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A program; {@code prg_…} outside. */
public record ProgramId(UUID value) implements TypedId {

    public static final String PREFIX = "prg";

    public static ProgramId parse(String publicId) {
        return new ProgramId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
