package dev.tandem.core;

import java.util.UUID;

/**
 * A module's identifier type, e.g. {@code record PartnerId(UUID value) implements TypedId}, so
 * that a partner id can never be passed where a link id is expected. Serializable because ids
 * travel in web sessions (the signed-in staff member), which are stored in PostgreSQL.
 */
public interface TypedId extends java.io.Serializable {

    UUID value();

}
