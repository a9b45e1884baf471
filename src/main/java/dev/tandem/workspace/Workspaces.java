package dev.tandem.workspace;

import java.time.Clock;
import java.util.Map;

import dev.tandem.core.Ids;
import dev.tandem.core.Language;
import dev.tandem.core.NotFoundException;
import dev.tandem.workspace.internal.StaffUser;
import dev.tandem.workspace.internal.WorkspaceRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workspaces (tenants): first-run setup, creating one with its owner, reading and renaming it. */
@Service
public class Workspaces {

    private final WorkspaceRepository workspaces;
    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    Workspaces(WorkspaceRepository workspaces, StaffAccounts accounts, PasswordEncoder passwords, AuditLog audit,
            Clock clock) {
        this.workspaces = workspaces;
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** What first-run setup or a new workspace needs. */
    public record NewWorkspace(String workspaceName, String ownerName, String ownerEmail, String ownerPassword,
            Language language) {
    }

    /** The workspace and owner that were created. */
    public record Created(WorkspaceId workspaceId, StaffUserId ownerId) {
    }

    /** Thrown when first-run setup is attempted after an owner exists. */
    public static class AlreadySetUp extends RuntimeException {
        AlreadySetUp() {
            super("Tandem is already set up: an owner exists");
        }
    }

    public boolean isSetUp() {
        return workspaces.anyOwnerExists();
    }

    /**
     * First-run setup: only while no owner exists anywhere; safe against two nodes racing. Losing
     * the race writes nothing, so it must not doom a caller's surrounding transaction either.
     */
    @Transactional(noRollbackFor = AlreadySetUp.class)
    public Created setUp(NewWorkspace request) {
        workspaces.lockFirstRun();
        if (workspaces.anyOwnerExists()) {
            throw new AlreadySetUp();
        }
        return create(request);
    }

    /** Creates another workspace with its owner. */
    @Transactional
    public Created create(NewWorkspace request) {
        WorkspaceId workspaceId = new WorkspaceId(Ids.newId());
        StaffUserId ownerId = new StaffUserId(Ids.newId());
        Language language = request.language() == null ? Language.EN : request.language();
        workspaces.insert(new Workspace(workspaceId, request.workspaceName().trim(), language, clock.instant()));
        accounts.create(new StaffUser(workspaceId, ownerId, request.ownerEmail().trim().toLowerCase(),
                request.ownerName().trim(), Role.OWNER,
                passwords.encode(StaffAccounts.checkedPassword(request.ownerPassword())), null, clock.instant(), null));
        audit.record(workspaceId, new Actor(Actor.Kind.STAFF, ownerId.value(), request.ownerName().trim()),
                "workspace.created", workspaceId.toString(), Map.of("name", request.workspaceName().trim()));
        return new Created(workspaceId, ownerId);
    }

    public Workspace get(WorkspaceId id) {
        return workspaces.find(id).orElseThrow(() -> new NotFoundException("no workspace " + id));
    }

    public void update(StaffPrincipal by, String name, Language defaultLanguage) {
        if (!by.role().managesWorkspace()) {
            throw new org.springframework.security.access.AccessDeniedException("only owners and admins change settings");
        }
        update(by.workspaceId(), by.asActor(), name, defaultLanguage);
    }

    @Transactional
    public void update(WorkspaceId id, Actor by, String name, Language defaultLanguage) {
        Workspace before = get(id);
        workspaces.update(id, name.trim(), defaultLanguage);
        audit.record(id, by, "workspace.updated", id.toString(),
                Map.of("name", name.trim(), "previousName", before.name(), "defaultLanguage", defaultLanguage.tag()));
    }
}
