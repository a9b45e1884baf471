package dev.tandem.program;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** One published version of a program's (or tier's) agreement; {@code agr_…} outside. */
public record AgreementVersionId(UUID value) implements TypedId {

    public static final String PREFIX = "agr";

    public static AgreementVersionId parse(String publicId) {
        return new AgreementVersionId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
