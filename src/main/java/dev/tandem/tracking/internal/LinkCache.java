package dev.tandem.tracking.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.tandem.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every link in memory, by lower-case slug, so the redirect answers without the database. Loaded
 * at start and kept current by {@link LinkNotifications}; a slug not in memory is looked up once
 * (a link created a moment ago on another node) and then remembered as missing for a few seconds.
 * Entries are small and share their program's part, so a million links fit in well under 512 MB.
 */
@Component
public class LinkCache {

    private static final Logger log = LoggerFactory.getLogger(LinkCache.class);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9_-]{3,64}");
    private static final long MISS_NANOS = 5_000_000_000L;
    private static final int MAX_MISSES = 10_000;
    private static final int CHUNK = 1_000;

    private final LinkCacheLoader loader;
    private final Map<String, Target> bySlug = new ConcurrentHashMap<>(1 << 12);
    /** Slugs looked up and not found, until when (System.nanoTime) to believe it. */
    private final Map<String, Long> misses = new ConcurrentHashMap<>();
    /** One shared instance per program and per partner id, so that links only point at them. */
    private final Map<UUID, ProgramTarget> programs = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> partners = new ConcurrentHashMap<>();
    private volatile int generation;

    LinkCache(LinkCacheLoader loader) {
        this.loader = loader;
    }

    /** What a program contributes to each of its links' redirects. {@code fallback} null: a disabled link answers 410. */
    public record ProgramTarget(WorkspaceId workspace, UUID programId, Destination defaultDestination,
            int windowDays, Destination fallback, boolean live) {
    }

    /**
     * A destination split once, at load, into what the redirect glues the visitor's query into:
     * {@code base} (scheme, host, path), its own query parameters, and its fragment (or "").
     */
    public record Destination(String base, List<String> query, String fragment) {

        /** Splits a stored destination; characters a Location header cannot carry are percent-encoded. */
        public static Destination parse(String url) {
            String safe = safe(url);
            int hash = safe.indexOf('#');
            String fragment = hash < 0 ? "" : safe.substring(hash);
            String rest = hash < 0 ? safe : safe.substring(0, hash);
            int question = rest.indexOf('?');
            if (question < 0) {
                return new Destination(rest, List.of(), fragment);
            }
            List<String> query = new ArrayList<>();
            for (String piece : rest.substring(question + 1).split("&")) {
                if (!piece.isEmpty()) {
                    query.add(piece);
                }
            }
            return new Destination(rest.substring(0, question), List.copyOf(query), fragment);
        }

        /** The destination as a whole again. */
        public String url() {
            return base + (query.isEmpty() ? "" : "?" + String.join("&", query)) + fragment;
        }

        /** The text with every character outside printable ASCII, and those URLs never carry raw, percent-encoded (UTF-8). */
        public static String safe(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (unsafe(text.charAt(i))) {
                    return encode(text);
                }
            }
            return text;
        }

        private static boolean unsafe(char c) {
            return c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}';
        }

        private static String encode(String text) {
            StringBuilder out = new StringBuilder(text.length() + 16);
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (byte b : bytes) {
                char c = (char) (b & 0xff);
                if (unsafe(c)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }

    /** One link, as compact as the redirect allows: ids as longs, everything else shared. */
    public static final class Target {
        private final long linkMsb;
        private final long linkLsb;
        private final ProgramTarget program;
        private final UUID partnerId;
        private final Destination destination;
        private final boolean enabled;
        private final int generation;

        Target(UUID linkId, ProgramTarget program, UUID partnerId, Destination destination, boolean enabled,
                int generation) {
            this.linkMsb = linkId.getMostSignificantBits();
            this.linkLsb = linkId.getLeastSignificantBits();
            this.program = program;
            this.partnerId = partnerId;
            this.destination = destination;
            this.enabled = enabled;
            this.generation = generation;
        }

        public UUID linkId() {
            return new UUID(linkMsb, linkLsb);
        }

        public long linkMsb() {
            return linkMsb;
        }

        public long linkLsb() {
            return linkLsb;
        }

        public ProgramTarget program() {
            return program;
        }

        public UUID partnerId() {
            return partnerId;
        }

        /** The link's own destination, else the program's default one. */
        public Destination destination() {
            return destination != null ? destination : program.defaultDestination();
        }

        /** Redirects with a click: the link is not disabled, the partner is approved and the program not archived. */
        public boolean live() {
            return enabled && program.live();
        }
    }

    /** The link with this slug (any case), or null; never throws. */
    public Target find(String slug) {
        if (slug == null || slug.length() < 3 || slug.length() > 64) {
            return null;
        }
        String key = slug.toLowerCase(java.util.Locale.ROOT);
        Target target = bySlug.get(key);
        if (target != null) {
            return target;
        }
        if (!SLUG.matcher(key).matches()) {
            return null;
        }
        Long until = misses.get(key);
        if (until != null && until - System.nanoTime() > 0) {
            return null;
        }
        return lookUp(key);
    }

    /** Replaces everything with what the database holds now (at start and after a lost notification connection). */
    public void loadAll() {
        long started = System.nanoTime();
        int g = ++generation;
        misses.clear();
        int[] count = {0};
        loader.load(LinkCacheLoader.Filter.all(), row -> {
            put(row, g);
            count[0]++;
        });
        bySlug.values().removeIf(t -> t.generation != g);
        log.info("Link cache: {} links loaded in {} ms", count[0], (System.nanoTime() - started) / 1_000_000);
    }

    /** Reloads these slugs (lower case): changed, created, renamed away or gone. */
    public void reloadSlugs(Collection<String> slugs) {
        List<String> chunk = new ArrayList<>(Math.min(slugs.size(), CHUNK));
        for (String slug : slugs) {
            chunk.add(slug);
            if (chunk.size() == CHUNK) {
                reloadChunk(chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            reloadChunk(chunk);
        }
    }

    /** Reloads every link of a program (its destination, fallback, window or archiving changed). */
    public void reloadProgram(UUID workspace, UUID program) {
        programs.remove(program);
        int g = generation;
        loader.load(LinkCacheLoader.Filter.program(workspace, program), row -> put(row, g));
    }

    /** Reloads a partner's links in a program (the enrollment's status changed). */
    public void reloadEnrollment(UUID workspace, UUID program, UUID partner) {
        int g = generation;
        loader.load(LinkCacheLoader.Filter.enrollment(workspace, program, partner), row -> put(row, g));
    }

    /** Whether the slug (lower case) is in memory now, without asking the database. */
    public boolean holds(String slug) {
        return bySlug.containsKey(slug);
    }

    private void reloadChunk(List<String> slugs) {
        int g = generation;
        java.util.Set<String> found = new java.util.HashSet<>(slugs.size() * 2);
        loader.load(LinkCacheLoader.Filter.slugs(slugs), row -> {
            put(row, g);
            found.add(row.slug());
        });
        for (String slug : slugs) {
            if (!found.contains(slug)) {
                bySlug.remove(slug);
            }
        }
    }

    private Target lookUp(String key) {
        int g = generation;
        Target[] found = {null};
        try {
            loader.load(LinkCacheLoader.Filter.slugs(List.of(key)), row -> found[0] = put(row, g));
        } catch (RuntimeException e) {
            // the database is down: the redirect answers "not found" for a link it never saw, it never fails
            log.warn("Link cache: could not look up slug {}: {}", key, e.getMessage());
            return null;
        }
        if (found[0] == null) {
            if (misses.size() >= MAX_MISSES) {
                misses.clear();
            }
            misses.put(key, System.nanoTime() + MISS_NANOS);
        }
        return found[0];
    }

    private Target put(LinkCacheLoader.Row row, int g) {
        ProgramTarget program = programs.compute(row.program().programId(),
                (id, known) -> row.program().equals(known) ? known : row.program());
        UUID partner = partners.computeIfAbsent(row.partnerId(), id -> id);
        Target target = new Target(row.linkId(), program, partner, row.destination(), row.enabled(), g);
        bySlug.put(row.slug(), target);
        misses.remove(row.slug());
        return target;
    }
}
