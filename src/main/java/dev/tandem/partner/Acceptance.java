package dev.tandem.partner;

import java.time.Instant;
import java.util.HexFormat;

import dev.tandem.program.AgreementVersionId;
import dev.tandem.workspace.WorkspaceId;

/**
 * Evidence that a partner accepted one version of an agreement for one enrollment: the SHA-256 of
 * the exact text they were shown, when, and from which address and browser.
 */
public record Acceptance(WorkspaceId workspaceId, AcceptanceId id, EnrollmentId enrollmentId, PartnerId partnerId,
        AgreementVersionId agreementVersionId, byte[] textSha256, Instant acceptedAt, String ip, String userAgent) {

    /** The text's SHA-256 in hexadecimal, as printed on the receipt. */
    public String textHash() {
        return HexFormat.of().formatHex(textSha256);
    }
}
