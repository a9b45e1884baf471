package dev.tandem.core.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With {@code url} set (TANDEM_DATABASE_URL) Tandem uses that PostgreSQL;
 * without it, an embedded PostgreSQL keeps its files under {@code dataDir}/postgres, with
 * {@code sharedBuffers} of memory for its cache (TANDEM_EMBEDDED_SHARED_BUFFERS; blank: see
 * {@link EmbeddedDatabase#defaultSharedBuffers}).
 */
@ConfigurationProperties("tandem.database")
record DatabaseProperties(String url, String user, String password, Path dataDir, boolean cleanDataDir,
        String sharedBuffers) {

    boolean external() {
        return url != null && !url.isBlank();
    }
}
