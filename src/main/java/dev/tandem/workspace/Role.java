package dev.tandem.workspace;

/**
 * What a staff member may do. Owners and admins manage the workspace (team, API keys, audit log);
 * managers run programs; viewers only look.
 */
public enum Role {
    OWNER, ADMIN, MANAGER, VIEWER;

    public String code() {
        return name().toLowerCase();
    }

    public static Role fromCode(String code) {
        return valueOf(code.toUpperCase());
    }

    /** Everyone but viewers changes things (programs, partners); viewers only look. */
    public boolean changesThings() {
        return this != VIEWER;
    }

    public boolean managesWorkspace() {
        return this == OWNER || this == ADMIN;
    }

    /** The Spring Security authority for URL rules, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
