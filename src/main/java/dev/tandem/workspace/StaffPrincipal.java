package dev.tandem.workspace;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import dev.tandem.core.Language;
import dev.tandem.core.SpeaksLanguage;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in staff member: who they are, in which workspace, with which role and language. */
public final class StaffPrincipal implements UserDetails, CredentialsContainer, SpeaksLanguage {

    @Serial
    private static final long serialVersionUID = 1L;

    private final WorkspaceId workspaceId;
    private final StaffUserId userId;
    private final String email;
    private final String name;
    private final Role role;
    private final Language language;
    private final boolean enabled;
    private String passwordHash;

    public StaffPrincipal(WorkspaceId workspaceId, StaffUserId userId, String email, String name, Role role,
            Language language, boolean enabled, String passwordHash) {
        this.workspaceId = workspaceId;
        this.userId = userId;
        this.email = email;
        this.name = name;
        this.role = role;
        this.language = language;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    public WorkspaceId workspaceId() {
        return workspaceId;
    }

    public StaffUserId userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    /** The language the person chose for themselves; null means "follow the browser". */
    @Override
    public Language language() {
        return language;
    }

    /** Whether pages show this person forms that change things (viewers only look). */
    public boolean canEdit() {
        return role.changesThings();
    }

    public Actor asActor() {
        return new Actor(Actor.Kind.STAFF, userId.value(), name);
    }

    public StaffPrincipal withLanguage(Language chosen) {
        return new StaffPrincipal(workspaceId, userId, email, name, role, chosen, enabled, null);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
