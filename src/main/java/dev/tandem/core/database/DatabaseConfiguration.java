package dev.tandem.core.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link DataSource} for the whole application: the configured PostgreSQL, or the embedded
 * one when none is configured. Connections are pooled by HikariCP either way.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DatabaseServer databaseServer(DatabaseProperties properties) {
        if (properties.external()) {
            return new DatabaseServer(properties.url(), properties.user(), properties.password(), null);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.acquire(properties.dataDir(), properties.cleanDataDir(),
                properties.sharedBuffers());
        return new DatabaseServer(embedded.jdbcUrl(), embedded.user(), null, embedded);
    }

    @Bean
    HikariDataSource dataSource(DatabaseServer server) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tandem");
        config.setJdbcUrl(server.url());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(20);
        // fail at start, with a readable message, when the database cannot be reached
        config.setInitializationFailTimeout(5_000);
        config.setConnectionTimeout(5_000);
        // a JDBC batch of single-row inserts goes as multi-row inserts (core WriteBehind falls back to a batch for
        // statements it cannot write as one insert ... from unnest)
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** Where connections go; closing it stops an embedded server after the pool has closed. */
    record DatabaseServer(String url, String user, String password, EmbeddedDatabase embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
