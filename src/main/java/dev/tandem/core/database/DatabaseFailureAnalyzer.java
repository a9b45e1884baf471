package dev.tandem.core.database;

import com.zaxxer.hikari.pool.HikariPool;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns "the database is not there" into one readable sentence instead of a stack trace. */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<HikariPool.PoolInitializationException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, HikariPool.PoolInitializationException cause) {
        Throwable deepest = cause;
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        return new FailureAnalysis(
                "Tandem cannot reach its PostgreSQL database: " + deepest.getMessage(),
                "Check TANDEM_DATABASE_URL, TANDEM_DATABASE_USER and TANDEM_DATABASE_PASSWORD and that the server is"
                        + " running, or unset TANDEM_DATABASE_URL to use the embedded database.",
                cause);
    }
}
