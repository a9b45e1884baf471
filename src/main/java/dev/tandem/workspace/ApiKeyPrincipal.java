package dev.tandem.workspace;

import java.util.Set;

/** The caller of an API request: a key of one workspace, with the scopes it was given. */
public record ApiKeyPrincipal(WorkspaceId workspaceId, ApiKeyId keyId, String name, Set<String> scopes) {

    public Actor asActor() {
        return new Actor(Actor.Kind.API_KEY, keyId.value(), name);
    }
}
