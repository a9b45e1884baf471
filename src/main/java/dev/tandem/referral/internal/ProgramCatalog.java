package dev.tandem.referral.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.tandem.core.NotFoundException;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.TrackingSettings;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * The programs attribution reads on every event, kept for a few seconds: the intake's hot path
 * would otherwise ask for the same program and settings twice per event. A change to a program's
 * attribution rules applies to events arriving a few seconds later.
 */
@Component
public class ProgramCatalog {

    static final Duration FRESH_FOR = Duration.ofSeconds(3);
    private static final int MAX_ENTRIES = 10_000;

    private final Programs programs;
    private final Clock clock;
    private final Map<ProgramId, Entry> cache = new ConcurrentHashMap<>();

    ProgramCatalog(Programs programs, Clock clock) {
        this.programs = programs;
        this.clock = clock;
    }

    /** A program with the settings attribution needs. */
    public record Rules(Program program, TrackingSettings settings) {
        public Duration window() {
            return Duration.ofDays(program.attributionWindowDays());
        }
    }

    private record Entry(WorkspaceId workspace, Rules rules, Instant loadedAt) {
    }

    public Optional<Rules> find(WorkspaceId workspace, ProgramId id) {
        Instant now = clock.instant();
        Entry entry = cache.get(id);
        if (entry != null && entry.workspace().equals(workspace) && entry.loadedAt().plus(FRESH_FOR).isAfter(now)) {
            return Optional.of(entry.rules());
        }
        try {
            Program program = programs.get(workspace, id);
            Rules rules = new Rules(program, programs.trackingSettings(workspace, id));
            if (cache.size() > MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(id, new Entry(workspace, rules, now));
            return Optional.of(rules);
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    /** The workspace's programs that are not archived (always read fresh: rarely asked). */
    public List<Program> active(WorkspaceId workspace) {
        return programs.list(workspace).stream().filter(Program::active).toList();
    }
}
