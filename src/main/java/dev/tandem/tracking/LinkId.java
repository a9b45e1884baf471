package dev.tandem.tracking;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A tracking link, {@code lnk_…} outside; visitors reach it as {@code /r/{slug}}. */
public record LinkId(UUID value) implements TypedId {

    public static final String PREFIX = "lnk";

    public static LinkId parse(String publicId) {
        return new LinkId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
