package dev.tandem.integration;

import java.time.Instant;

import dev.tandem.workspace.WorkspaceId;

/**
 * A workspace's Stripe connection: the key in its webhook endpoint's URL and, once a manager has
 * pasted it from Stripe, the endpoint's signing secret. The secret never leaves the module whole:
 * pages show {@link #maskedSecret()}.
 */
public record StripeAccount(WorkspaceId workspaceId, String endpointKey, String signingSecret, Instant secretSetAt) {

    public boolean configured() {
        return signingSecret != null;
    }

    /** {@code whsec_…} and the secret's last four characters, enough to tell two secrets apart; null when none is set. */
    public String maskedSecret() {
        return signingSecret == null ? null : "whsec_…" + signingSecret.substring(signingSecret.length() - 4);
    }

    @Override
    public String toString() {
        return "StripeAccount[" + workspaceId + ", secret " + (configured() ? maskedSecret() : "not set") + "]";
    }
}
