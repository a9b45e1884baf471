package dev.tandem.workspace;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import dev.tandem.core.Sha256;
import dev.tandem.core.Ids;
import dev.tandem.core.NotFoundException;
import dev.tandem.workspace.internal.ApiKey;
import dev.tandem.workspace.internal.ApiKeyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API keys: {@code tnd_sk_} and 40 random letters and digits, shown once, stored as a SHA-256
 * hash. A fast hash is enough here: unlike a password, the secret has 238 bits of entropy, and a
 * slow hash would cost every API request.
 *
 * <p>Keys that authenticated are remembered for {@value #FRESH_SECONDS} seconds (by hash, never the
 * secret), so a busy integration costs no database round trip per request; "last used" is written
 * at most once a minute per key. A key revoked on this node stops working at once; one revoked on
 * another node within {@value #FRESH_SECONDS} seconds.
 */
@Service
public class ApiKeys {

    public static final String PREFIX = "tnd_sk_";
    public static final Set<String> SCOPES = Set.of("read", "write");
    private static final Pattern FORMAT = Pattern.compile("tnd_sk_[A-Za-z0-9]{32,}");
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    static final int FRESH_SECONDS = 30;
    private static final Duration FRESH_FOR = Duration.ofSeconds(FRESH_SECONDS);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int MAX_CACHED = 10_000;

    private final ApiKeyRepository keys;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** A key that authenticated: when it was read from the database and when its use was last written. */
    private record Cached(ApiKeyPrincipal principal, Instant loadedAt, AtomicReference<Instant> touchedAt) {
    }

    ApiKeys(ApiKeyRepository keys, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A key as listed: name, hint, scopes and its use, never the secret. */
    public record Listed(ApiKeyId id, String name, String hint, Set<String> scopes, java.time.Instant createdAt,
            java.time.Instant lastUsedAt, java.time.Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A new key with its secret, which is never shown again. */
    public record Created(ApiKeyId id, String secret) {
    }

    public static boolean wellFormed(String secret) {
        return secret != null && FORMAT.matcher(secret).matches();
    }

    @Transactional
    public Created create(StaffPrincipal by, String name, Set<String> scopes) {
        if (!by.role().managesWorkspace()) {
            throw new org.springframework.security.access.AccessDeniedException("only owners and admins manage API keys");
        }
        return create(by.workspaceId(), by.asActor(), by.userId(), name, scopes, newSecret());
    }

    /** Registers a key whose secret the operator chose (headless bootstrap). */
    @Transactional
    public Created createWithSecret(WorkspaceId workspace, Actor actor, String name, String secret) {
        if (!wellFormed(secret)) {
            throw new RuleViolation("apiKey", "apiKeys.error.format",
                    "an API key is tnd_sk_ followed by at least 32 letters and digits");
        }
        return create(workspace, actor, null, name, SCOPES, secret);
    }

    public List<Listed> list(WorkspaceId workspace) {
        return keys.list(workspace).stream().map(ApiKeys::listed).toList();
    }

    @Transactional
    public void revoke(StaffPrincipal by, ApiKeyId id) {
        if (!by.role().managesWorkspace()) {
            throw new org.springframework.security.access.AccessDeniedException("only owners and admins manage API keys");
        }
        ApiKey key = keys.find(by.workspaceId(), id).orElseThrow(() -> new NotFoundException("no API key " + id));
        forget(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a request between this eviction and the commit could still read the key as active
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget(id);
                }
            });
        }
        if (keys.revoke(by.workspaceId(), id, clock.instant())) {
            audit.record(by.workspaceId(), by.asActor(), "api_key.revoked", id.toString(), Map.of("name", key.name()));
        }
    }

    /** The key's workspace and scopes, if the secret belongs to an active key; records its use. */
    public Optional<ApiKeyPrincipal> authenticate(String secret) {
        if (!wellFormed(secret)) {
            return Optional.empty();
        }
        byte[] hash = Sha256.of(secret);
        String cacheKey = HexFormat.of().formatHex(hash);
        Instant now = clock.instant();
        Cached cached = cache.get(cacheKey);
        if (cached != null && cached.loadedAt().plus(FRESH_FOR).isAfter(now)) {
            touch(cached, now);
            return Optional.of(cached.principal());
        }
        Optional<ApiKey> key = keys.findActiveByHash(hash);
        if (key.isEmpty()) {
            cache.remove(cacheKey);
            return Optional.empty();
        }
        ApiKey k = key.get();
        Cached fresh = new Cached(new ApiKeyPrincipal(k.workspaceId(), k.id(), k.name(), k.scopes()), now,
                new AtomicReference<>(cached != null ? cached.touchedAt().get() : k.lastUsedAt()));
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(cacheKey, fresh);
        touch(fresh, now);
        return Optional.of(fresh.principal());
    }

    /** Writes "last used" when the last write is a minute old; one request of many racing does it. */
    private void touch(Cached cached, Instant now) {
        Instant last = cached.touchedAt().get();
        if ((last == null || !last.plus(TOUCH_EVERY).isAfter(now)) && cached.touchedAt().compareAndSet(last, now)) {
            ApiKeyPrincipal p = cached.principal();
            keys.touch(p.workspaceId(), p.keyId(), now);
        }
    }

    private void forget(ApiKeyId id) {
        cache.values().removeIf(c -> c.principal().keyId().equals(id));
    }

    private Created create(WorkspaceId workspace, Actor actor, StaffUserId createdBy, String name, Set<String> scopes,
            String secret) {
        if (scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
            throw new RuleViolation("scopes", "apiKeys.error.scopes", "choose read, or read and write");
        }
        ApiKeyId id = new ApiKeyId(Ids.newId());
        byte[] hash = Sha256.of(secret);
        // a secret registered again (a bootstrap after a reset) must not answer for the key it had before
        cache.remove(HexFormat.of().formatHex(hash));
        String hint = secret.substring(0, PREFIX.length() + 4) + "…" + secret.substring(secret.length() - 4);
        keys.insert(new ApiKey(workspace, id, name.trim(), hint, scopes, clock.instant(), null, null), hash, createdBy);
        audit.record(workspace, actor, "api_key.created", id.toString(),
                Map.of("name", name.trim(), "scopes", String.join(",", new java.util.TreeSet<>(scopes))));
        return new Created(id, secret);
    }

    private static Listed listed(ApiKey key) {
        return new Listed(key.id(), key.name(), key.hint(), key.scopes(), key.createdAt(), key.lastUsedAt(),
                key.revokedAt());
    }

    static String newSecret() {
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < 40; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

}
