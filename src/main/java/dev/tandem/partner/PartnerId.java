package dev.tandem.partner;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A partner (a person or business, one per workspace, with one login for all its programs); {@code ptr_…} outside. */
public record PartnerId(UUID value) implements TypedId {

    public static final String PREFIX = "ptr";

    public static PartnerId parse(String publicId) {
        return new PartnerId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
