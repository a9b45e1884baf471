package dev.tandem.partner;

import dev.tandem.program.AgreementVersion;

/**
 * Where one enrollment stands with its agreement: the version in force for its tier (null when the
 * program has none), and the latest one the partner accepted with the version number it had.
 * Computed, never stored: publishing a new version makes it pending at once.
 */
public record AcceptanceStatus(Enrollment enrollment, String programName, String tierName, AgreementVersion current,
        Acceptance latest, Integer latestVersion, boolean acceptedCurrent) {

    /** The partner must accept the version in force. */
    public boolean pending() {
        return current != null && !acceptedCurrent;
    }

    public boolean hasAgreement() {
        return current != null;
    }
}
