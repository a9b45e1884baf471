package dev.tandem.workspace.internal;

import java.util.Map;

import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.StaffPrincipal;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Sign-ins and failed sign-ins of known staff accounts go to their workspace's audit log. */
@Component
class SignInAudit {

    private final AuditLog audit;
    private final StaffUserRepository users;

    SignInAudit(AuditLog audit, StaffUserRepository users) {
        this.audit = audit;
        this.users = users;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal staff) {
            audit.record(staff.workspaceId(), staff.asActor(), "staff.signed_in", staff.userId().toString(), Map.of());
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        // an unknown email has no workspace to log to; a known one is worth telling its owners about
        users.findByEmail(String.valueOf(event.getAuthentication().getName())).ifPresent(user ->
                audit.record(user.workspaceId(), new dev.tandem.workspace.Actor(dev.tandem.workspace.Actor.Kind.STAFF,
                        user.id().value(), user.name()), "staff.sign_in_failed", user.id().toString(),
                        Map.of("reason", event.getException().getClass().getSimpleName())));
    }
}
