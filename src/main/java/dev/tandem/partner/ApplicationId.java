package dev.tandem.partner;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** What an applicant submitted to a program; {@code app_…} outside. */
public record ApplicationId(UUID value) implements TypedId {

    public static final String PREFIX = "app";

    public static ApplicationId parse(String publicId) {
        return new ApplicationId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
