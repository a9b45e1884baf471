package dev.tandem.testing;

import java.util.Set;
import java.util.UUID;

import dev.tandem.core.Language;
import dev.tandem.workspace.ApiKeys;
import dev.tandem.workspace.StaffAccounts;
import dev.tandem.workspace.Workspaces;
import org.springframework.stereotype.Component;

/** Builds workspaces with owners and keys through the same services the pages use. */
@Component
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";

    private final Workspaces workspaces;
    private final StaffAccounts accounts;
    private final ApiKeys apiKeys;

    Fixtures(Workspaces workspaces, StaffAccounts accounts, ApiKeys apiKeys) {
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.apiKeys = apiKeys;
    }

    /** A workspace, its owner (signed in with {@link #PASSWORD}) and a read-write API key. */
    public record Tenant(Workspaces.Created ids, String name, String ownerEmail, String apiKey) {
    }

    public Tenant tenant(String name) {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@" + name.toLowerCase().replace(' ', '-') + ".test";
        Workspaces.Created created = workspaces.create(
                new Workspaces.NewWorkspace(name, name + " Owner", email, PASSWORD, Language.EN));
        var owner = accounts.loadUserByUsername(email);
        String key = apiKeys.create(owner, name + " key", Set.of("read", "write")).secret();
        return new Tenant(created, name, email, key);
    }
}
