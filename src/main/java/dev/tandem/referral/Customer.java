package dev.tandem.referral;

import java.time.Instant;

import dev.tandem.workspace.WorkspaceId;

/**
 * A customer of the business as the intake knows it: found by the business's own id, then by
 * email (lower case). Name and company are empty strings when unknown.
 */
public record Customer(WorkspaceId workspaceId, CustomerId id, String externalId, String email, String name,
        String company, Instant createdAt) {
}
