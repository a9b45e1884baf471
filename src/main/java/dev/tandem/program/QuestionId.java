package dev.tandem.program;

import java.util.UUID;

import dev.tandem.core.Ids;
import dev.tandem.core.TypedId;

/** A custom question of a program's application form; {@code qst_…} outside. */
public record QuestionId(UUID value) implements TypedId {

    public static final String PREFIX = "qst";

    public static QuestionId parse(String publicId) {
        return new QuestionId(Ids.parse(PREFIX, publicId));
    }

    @Override
    public String toString() {
        return Ids.format(PREFIX, value);
    }
}
