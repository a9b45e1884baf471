package dev.tandem.workspace;

import java.util.UUID;

/** Who did something, as the audit log records it: a staff member, an API key, a partner, or Tandem itself. */
public record Actor(Kind kind, UUID id, String name) {

    public enum Kind { STAFF, API_KEY, SYSTEM, PARTNER }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, null, "Tandem");
    }
}
