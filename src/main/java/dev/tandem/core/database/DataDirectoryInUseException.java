package dev.tandem.core.database;

import java.nio.file.Path;

/** Another running Tandem holds the embedded database's data directory. */
final class DataDirectoryInUseException extends RuntimeException {

    private final Path dataDir;

    DataDirectoryInUseException(Path dataDir) {
        super("The data directory " + dataDir + " is used by another running Tandem");
        this.dataDir = dataDir;
    }

    Path dataDir() {
        return dataDir;
    }
}
