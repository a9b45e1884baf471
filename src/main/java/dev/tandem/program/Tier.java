package dev.tandem.program;

/** A group of partners in a program (Registered, Silver, Gold…) with its own goals and perks. */
public record Tier(ProgramId programId, TierId id, String name, int position, boolean isDefault, String goals,
        String perks) {
}
