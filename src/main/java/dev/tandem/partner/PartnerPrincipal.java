package dev.tandem.partner;

import java.io.Serial;
import java.io.Serializable;

import dev.tandem.core.Language;
import dev.tandem.core.SpeaksLanguage;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A partner signed in to the portal: one partner of one workspace (a person partnering with two
 * businesses signs in to each separately). Serializable because it lives in the web session,
 * which is stored in PostgreSQL.
 */
public record PartnerPrincipal(WorkspaceId workspaceId, PartnerId partnerId, String email, String name,
        Language language) implements Serializable, AuthenticatedPrincipal, SpeaksLanguage {

    @Serial
    private static final long serialVersionUID = 1L;

    public static PartnerPrincipal of(Partner partner) {
        return new PartnerPrincipal(partner.workspaceId(), partner.id(), partner.email(), partner.name(),
                partner.language());
    }

    public Actor asActor() {
        return new Actor(Actor.Kind.PARTNER, partnerId.value(), name);
    }

    @Override
    public String getName() {
        return partnerId.toString();
    }
}
