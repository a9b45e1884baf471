package dev.tandem.core.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A second Tandem on the same data directory gets a sentence saying so, not a stack trace. */
class DataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                "The data directory " + cause.dataDir() + " is in use by another running Tandem.",
                "Stop the other Tandem first, or start this one with TANDEM_DATA_DIR set to another directory.",
                cause);
    }
}
