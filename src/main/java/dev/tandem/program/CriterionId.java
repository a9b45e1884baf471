package dev.tandem.program;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A criterion of a program's ideal partner profile; {@code fit_…} outside. */
public record CriterionId(UUID value) implements TypedId {

    public static final String PREFIX = "fit";

    public static CriterionId parse(String publicId) {
        return new CriterionId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
