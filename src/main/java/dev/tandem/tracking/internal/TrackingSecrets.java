package dev.tandem.tracking.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.tandem.workspace.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each workspace's click-signing secret, created on first use and then kept in memory: secrets
 * never change, so the redirect signs without touching the database after the first click.
 */
@Component
public class TrackingSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<UUID, byte[]> cache = new ConcurrentHashMap<>();

    TrackingSecrets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The same array for a workspace on every call (ClickIds keys its Macs by it); never to be changed. */
    public byte[] secretOf(WorkspaceId workspace) {
        return cache.computeIfAbsent(workspace.value(), this::load);
    }

    private byte[] load(UUID workspace) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        // two nodes may race to create it: the first insert wins and both read the winner
        jdbc.sql("insert into tracking_secret (workspace_id, secret, created_at) values (?, ?, ?)"
                        + " on conflict (workspace_id) do nothing")
                .params(workspace, fresh, java.sql.Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("select secret from tracking_secret where workspace_id = ?")
                .param(workspace)
                .query(byte[].class)
                .single();
    }
}
