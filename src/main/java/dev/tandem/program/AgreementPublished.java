package dev.tandem.program;

import dev.tandem.workspace.WorkspaceId;

/** A new agreement version was published; partners it applies to must accept it. {@code tierId} null = whole program. */
public record AgreementPublished(WorkspaceId workspaceId, ProgramId programId, TierId tierId,
        AgreementVersionId agreementVersionId, int version) {
}
