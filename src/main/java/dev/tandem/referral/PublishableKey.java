package dev.tandem.referral;

import java.time.Instant;
import java.util.List;

import dev.tandem.program.ProgramId;
import dev.tandem.workspace.WorkspaceId;

/**
 * The key a business puts in its public web pages for the snippet ({@code tnd_pk_…}): not a secret,
 * it can only create leads for one program, and only from the origins listed
 * ({@code https://shop.example.com}, scheme, host and port).
 */
public record PublishableKey(WorkspaceId workspaceId, PublishableKeyId id, ProgramId programId, String key,
        List<String> allowedOrigins, Instant createdAt, Instant revokedAt) {

    public PublishableKey {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public boolean active() {
        return revokedAt == null;
    }

    /** Whether a browser page at this origin (the request's {@code Origin} header) may use the key. */
    public boolean allows(String origin) {
        return origin != null && allowedOrigins.contains(PublishableKeys.normalisedOrigin(origin).orElse(""));
    }
}
