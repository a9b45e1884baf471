package dev.tandem.workspace;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.tandem.core.Ids;
import dev.tandem.core.Language;
import dev.tandem.core.NotFoundException;
import dev.tandem.workspace.internal.StaffUser;
import dev.tandem.workspace.internal.StaffUserRepository;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: sign-in lookup, the team an owner or admin manages, and each person's own settings. */
@Service
public class StaffAccounts implements UserDetailsService {

    public static final int MIN_PASSWORD_LENGTH = 12;

    private final StaffUserRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    StaffAccounts(StaffUserRepository users, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** A staff member as others see them in the team list. */
    public record Member(StaffUserId id, String email, String name, Role role, boolean active) {
    }

    @Override
    public StaffPrincipal loadUserByUsername(String email) {
        return users.findByEmail(email)
                .map(u -> new StaffPrincipal(u.workspaceId(), u.id(), u.email(), u.name(), u.role(), u.language(),
                        u.active(), u.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no staff account for this email"));
    }

    public List<Member> team(WorkspaceId workspace) {
        return users.list(workspace).stream()
                .map(u -> new Member(u.id(), u.email(), u.name(), u.role(), u.active()))
                .toList();
    }

    @Transactional
    public StaffUserId add(StaffPrincipal by, String name, String email, Role role, String password) {
        requireManager(by);
        if (role == Role.OWNER && by.role() != Role.OWNER) {
            throw new RuleViolation("role", "team.error.onlyOwnerMakesOwner", "only an owner can add another owner");
        }
        StaffUserId id = new StaffUserId(Ids.newId());
        create(new StaffUser(by.workspaceId(), id, email.trim().toLowerCase(), name.trim(), role,
                passwords.encode(checkedPassword(password)), null, clock.instant(), null));
        audit.record(by.workspaceId(), by.asActor(), "staff.added", id.toString(),
                Map.of("email", email.trim().toLowerCase(), "role", role.code()));
        return id;
    }

    @Transactional
    public void changeRole(StaffPrincipal by, StaffUserId target, Role role) {
        requireManager(by);
        StaffUser user = existing(by.workspaceId(), target);
        if ((role == Role.OWNER || user.role() == Role.OWNER) && by.role() != Role.OWNER) {
            throw new RuleViolation("role", "team.error.onlyOwnerMakesOwner", "only an owner can change an owner");
        }
        if (user.role() == Role.OWNER && role != Role.OWNER && users.countActiveOwners(by.workspaceId()) <= 1) {
            throw new RuleViolation("role", "team.error.lastOwner", "a workspace keeps at least one owner");
        }
        users.updateRole(by.workspaceId(), target, role);
        audit.record(by.workspaceId(), by.asActor(), "staff.role_changed", target.toString(),
                Map.of("from", user.role().code(), "to", role.code()));
    }

    @Transactional
    public void setActive(StaffPrincipal by, StaffUserId target, boolean active) {
        requireManager(by);
        StaffUser user = existing(by.workspaceId(), target);
        if (target.equals(by.userId())) {
            throw new RuleViolation("id", "team.error.notYourself", "you cannot deactivate yourself");
        }
        if (user.role() == Role.OWNER && by.role() != Role.OWNER) {
            throw new RuleViolation("role", "team.error.onlyOwnerMakesOwner", "only an owner can change an owner");
        }
        users.updateDisabledAt(by.workspaceId(), target, active ? null : clock.instant());
        audit.record(by.workspaceId(), by.asActor(), active ? "staff.reactivated" : "staff.deactivated",
                target.toString(), Map.of("email", user.email()));
    }

    @Transactional
    public StaffPrincipal changeLanguage(StaffPrincipal me, Language language) {
        users.updateLanguage(me.workspaceId(), me.userId(), language);
        audit.record(me.workspaceId(), me.asActor(), "staff.language_changed", me.userId().toString(),
                Map.of("language", language == null ? "browser" : language.tag()));
        return me.withLanguage(language);
    }

    @Transactional
    public void changePassword(StaffPrincipal me, String currentPassword, String newPassword) {
        StaffUser user = existing(me.workspaceId(), me.userId());
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throw new RuleViolation("currentPassword", "account.error.wrongPassword", "the current password is wrong");
        }
        users.updatePasswordHash(me.workspaceId(), me.userId(), passwords.encode(checkedPassword(newPassword)));
        audit.record(me.workspaceId(), me.asActor(), "staff.password_changed", me.userId().toString(), Map.of());
    }

    /** Inserts an account whose email must be new across all workspaces. */
    void create(StaffUser user) {
        if (!users.insert(user)) {
            throw new RuleViolation("email", "validation.email.taken", "this email already has a staff account");
        }
    }

    static String checkedPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
            throw new RuleViolation("password", "validation.password.length",
                    "a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return password;
    }

    private StaffUser existing(WorkspaceId workspace, StaffUserId id) {
        return users.find(workspace, id).orElseThrow(() -> new NotFoundException("no staff member " + id));
    }

    private static void requireManager(StaffPrincipal by) {
        if (!by.role().managesWorkspace()) {
            throw new org.springframework.security.access.AccessDeniedException("only owners and admins manage the team");
        }
    }
}
