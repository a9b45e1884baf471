package dev.tandem.program;

import java.net.URI;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.Ids;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Money;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.WebAddresses;
import dev.tandem.program.internal.ProgramRepository;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Programs and their tiers: create (with a default tier), change, archive, look up. */
@Service
public class Programs {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");
    private static final Pattern HOST = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final ProgramRepository programs;
    private final AuditLog audit;
    private final Clock clock;

    Programs(ProgramRepository programs, AuditLog audit, Clock clock) {
        this.programs = programs;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a program is made of; {@code slug} may be null (derived from the name). */
    public record Settings(String name, ProgramType type, String description, String currency,
            String defaultDestination, List<String> allowedHosts, AttributionModel attributionModel,
            Integer attributionWindowDays, String commissionSummary, String slug) {
    }

    @Transactional
    public Program create(WorkspaceId workspace, Actor by, Settings settings) {
        List<FieldProblem> problems = new ArrayList<>();
        Checked checked = check(settings, problems);
        if (settings.type() == null) {
            problems.add(new FieldProblem("type", "must be one of referral, affiliate, reseller, influencer", "validation.required"));
        }
        Currency currency = currency(settings.currency(), problems);
        String slug = settings.slug() == null || settings.slug().isBlank() ? null : settings.slug().trim().toLowerCase(Locale.ROOT);
        if (slug != null && !SLUG.matcher(slug).matches()) {
            problems.add(new FieldProblem("slug", "must be 3 to 64 lower-case letters, digits and dashes", "program.error.slug"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Program program = null;
        for (int attempt = 1; program == null; attempt++) {
            String candidate = slug != null ? slug : slugOf(checked.name(), attempt);
            Program p = new Program(workspace, new ProgramId(Ids.newId()), candidate, checked.name(), settings.type(),
                    checked.description(), currency, checked.destination(), checked.hosts(), checked.model(),
                    checked.window(), checked.summary(), Program.AutoApproval.off(), null, clock.instant(),
                    new TrackingSettings(null, true));
            if (programs.insert(p)) {
                program = p;
            } else if (slug != null || attempt > 50) {
                throw InvalidInputException.of("slug", "program.error.slugTaken", "is already used by another program");
            }
        }
        programs.insertTier(workspace, new Tier(program.id(), new TierId(Ids.newId()), "Registered", 1, true, "", ""),
                clock.instant());
        audit.record(workspace, by, "program.created", program.id().toString(),
                Map.of("name", program.name(), "type", program.type().code(), "currency", currency.getCurrencyCode()));
        return program;
    }

    /** Creates the program and sets where disabled links go and whether customers stay with their first partner, at once. */
    @Transactional
    public Program create(WorkspaceId workspace, Actor by, Settings settings, String fallbackDestination,
            boolean lifetimeBinding) {
        Program program = create(workspace, by, settings);
        if ((fallbackDestination == null || fallbackDestination.isBlank()) && lifetimeBinding) {
            return program;
        }
        setTrackingSettings(workspace, by, program.id(), fallbackDestination, lifetimeBinding);
        return get(workspace, program.id());
    }

    /**
     * Updates the settings and, in the same transaction, the tracking settings: a null fallback or
     * lifetime binding keeps the current value, an empty fallback removes it.
     */
    @Transactional
    public Program update(WorkspaceId workspace, Actor by, ProgramId id, Settings settings, String fallbackDestination,
            Boolean lifetimeBinding) {
        Program updated = update(workspace, by, id, settings);
        if (fallbackDestination == null && lifetimeBinding == null) {
            return updated;
        }
        TrackingSettings current = updated.tracking();
        setTrackingSettings(workspace, by, id,
                fallbackDestination != null ? fallbackDestination : Objects.toString(current.fallbackDestination(), null),
                lifetimeBinding != null ? lifetimeBinding : current.lifetimeBinding());
        return get(workspace, id);
    }

    /** Changes what may change after creation (not type, currency or slug: links and money depend on them). */
    @Transactional
    public Program update(WorkspaceId workspace, Actor by, ProgramId id, Settings settings) {
        Program current = get(workspace, id);
        List<FieldProblem> problems = new ArrayList<>();
        Checked checked = check(settings, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Program updated = new Program(workspace, id, current.slug(), checked.name(), current.type(),
                checked.description(), current.currency(), checked.destination(), checked.hosts(), checked.model(),
                checked.window(), checked.summary(), current.autoApproval(), current.archivedAt(), current.createdAt(),
                current.tracking());
        programs.update(updated);
        audit.record(workspace, by, "program.updated", id.toString(), Map.of("name", updated.name()));
        return updated;
    }

    @Transactional
    public Program setAutoApproval(WorkspaceId workspace, Actor by, ProgramId id, Integer minScore, List<String> domains) {
        Program current = get(workspace, id);
        if (minScore != null && (minScore < 0 || minScore > 100)) {
            throw InvalidInputException.of("minScore", "program.error.score", "must be between 0 and 100");
        }
        List<String> cleaned = new ArrayList<>(new LinkedHashSet<>(domains.stream()
                .map(d -> d.trim().toLowerCase(Locale.ROOT).replaceFirst("^@", "")).filter(d -> !d.isEmpty()).toList()));
        for (String domain : cleaned) {
            if (!HOST.matcher(domain).matches() || !domain.contains(".")) {
                throw InvalidInputException.of("domains", "program.error.domain", "'" + domain + "' is not a domain");
            }
        }
        Program updated = withAutoApproval(current, new Program.AutoApproval(minScore, List.copyOf(cleaned)));
        programs.update(updated);
        audit.record(workspace, by, "program.auto_approval_changed", id.toString(),
                Map.of("minScore", minScore == null ? "off" : minScore, "domains", String.join(",", cleaned)));
        return updated;
    }

    @Transactional
    public void archive(WorkspaceId workspace, Actor by, ProgramId id) {
        Program p = get(workspace, id);
        programs.update(new Program(workspace, id, p.slug(), p.name(), p.type(), p.description(), p.currency(),
                p.defaultDestination(), p.allowedHosts(), p.attributionModel(), p.attributionWindowDays(),
                p.commissionSummary(), p.autoApproval(), clock.instant(), p.createdAt(), p.tracking()));
        audit.record(workspace, by, "program.archived", id.toString(), Map.of("name", p.name()));
    }

    /** The program's tracking settings (also {@link Program#tracking()} of any program read). */
    public TrackingSettings trackingSettings(WorkspaceId workspace, ProgramId id) {
        return get(workspace, id).tracking();
    }

    /** The fallback destination must be on the program's allowed hosts, like every link's. */
    @Transactional
    public TrackingSettings setTrackingSettings(WorkspaceId workspace, Actor by, ProgramId id, String fallbackDestination,
            boolean lifetimeBinding) {
        Program program = get(workspace, id);
        URI fallback = null;
        if (fallbackDestination != null && !fallbackDestination.isBlank()) {
            fallback = WebAddresses.parse(fallbackDestination.trim()).orElseThrow(() -> InvalidInputException.of(
                    "fallbackDestination", "program.error.url", "must be an http or https address"));
            if (!program.allowsHost(fallback.getHost())) {
                throw InvalidInputException.of("fallbackDestination", "program.error.fallbackHost",
                        "must be on the program's allowed hosts");
            }
        }
        TrackingSettings settings = new TrackingSettings(fallback, lifetimeBinding);
        programs.setTrackingSettings(workspace, id, settings);
        audit.record(workspace, by, "program.tracking_changed", id.toString(),
                Map.of("fallbackDestination", fallback == null ? "none" : fallback.toString(),
                        "lifetimeBinding", lifetimeBinding));
        return settings;
    }

    public List<Program> list(WorkspaceId workspace) {
        return programs.list(workspace);
    }

    public Program get(WorkspaceId workspace, ProgramId id) {
        return programs.find(workspace, id).orElseThrow(() -> new NotFoundException("no program " + id));
    }

    /** The program behind a public application page, whatever its workspace. */
    public Optional<Program> findBySlug(String slug) {
        return slug == null ? Optional.empty() : programs.findBySlug(slug.toLowerCase(Locale.ROOT));
    }

    public List<Tier> tiers(WorkspaceId workspace, ProgramId program) {
        return programs.tiers(workspace, program);
    }

    public Tier defaultTier(WorkspaceId workspace, ProgramId program) {
        return tiers(workspace, program).stream().filter(Tier::isDefault).findFirst()
                .orElseThrow(() -> new IllegalStateException("program " + program + " has no default tier"));
    }

    /** The tier, which must belong to this program. */
    public Tier tier(WorkspaceId workspace, ProgramId program, TierId id) {
        return programs.tier(workspace, id).filter(t -> t.programId().equals(program))
                .orElseThrow(() -> new NotFoundException("no tier " + id + " in program " + program));
    }

    @Transactional
    public Tier addTier(WorkspaceId workspace, Actor by, ProgramId program, String name, String goals, String perks) {
        get(workspace, program);
        List<Tier> existing = tiers(workspace, program);
        String cleaned = tierName(name, existing, null);
        Tier tier = new Tier(program, new TierId(Ids.newId()), cleaned, existing.size() + 1, false,
                text(goals), text(perks));
        programs.insertTier(workspace, tier, clock.instant());
        audit.record(workspace, by, "tier.created", tier.id().toString(), Map.of("program", program.toString(), "name", cleaned));
        return tier;
    }

    @Transactional
    public Tier updateTier(WorkspaceId workspace, Actor by, ProgramId program, TierId id, String name, String goals,
            String perks) {
        Tier current = tier(workspace, program, id);
        Tier updated = new Tier(program, id, tierName(name, tiers(workspace, program), id), current.position(),
                current.isDefault(), text(goals), text(perks));
        programs.updateTier(workspace, updated);
        audit.record(workspace, by, "tier.updated", id.toString(), Map.of("name", updated.name()));
        return updated;
    }

    @Transactional
    public void makeDefaultTier(WorkspaceId workspace, Actor by, ProgramId program, TierId id) {
        tier(workspace, program, id);
        programs.makeDefault(workspace, program, id);
        audit.record(workspace, by, "tier.made_default", id.toString(), Map.of("program", program.toString()));
    }

    private record Checked(String name, String description, URI destination, List<String> hosts,
            AttributionModel model, int window, String summary) {
    }

    private static Checked check(Settings s, List<FieldProblem> problems) {
        String name = s.name() == null ? "" : s.name().trim();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "is required", "validation.required"));
        } else if (name.length() > 100) {
            problems.add(new FieldProblem("name", "is too long (100 characters at most)", "validation.tooLong"));
        }
        URI destination = destination(s.defaultDestination(), problems);
        List<String> hosts = new ArrayList<>();
        for (String raw : s.allowedHosts() == null ? List.<String>of() : s.allowedHosts()) {
            String host = raw.trim().toLowerCase(Locale.ROOT);
            if (host.isEmpty() || hosts.contains(host)) {
                continue;
            }
            if (!HOST.matcher(host).matches()) {
                problems.add(new FieldProblem("allowedHosts", "'" + raw.trim() + "' is not a host name", "program.error.host"));
            }
            hosts.add(host);
        }
        int window = s.attributionWindowDays() == null ? 90 : s.attributionWindowDays();
        if (window < 1 || window > 365) {
            problems.add(new FieldProblem("attribution.windowDays", "must be between 1 and 365 days", "program.error.window"));
        }
        String description = text(s.description());
        if (description.length() > 4000) {
            problems.add(new FieldProblem("description", "is too long (4000 characters at most)", "validation.tooLong"));
        }
        String summary = text(s.commissionSummary());
        if (summary.length() > 500) {
            problems.add(new FieldProblem("commissionSummary", "is too long (500 characters at most)", "validation.tooLong"));
        }
        return new Checked(name, description, destination, List.copyOf(hosts),
                s.attributionModel() == null ? AttributionModel.LAST_CLICK : s.attributionModel(), window, summary);
    }

    private static URI destination(String raw, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem("defaultDestination", "is required", "validation.required"));
            return null;
        }
        Optional<URI> uri = WebAddresses.parse(raw);
        if (uri.isPresent()) {
            return uri.get();
        }
        problems.add(new FieldProblem("defaultDestination", "must be an http or https address, e.g. https://example.com/",
                "program.error.url"));
        return null;
    }

    private static Currency currency(String code, List<FieldProblem> problems) {
        Optional<Currency> currency = Money.currency(code == null ? "" : code.trim().toUpperCase(Locale.ROOT));
        if (currency.isPresent()) {
            return currency.get();
        }
        problems.add(new FieldProblem("currency", "must be an ISO 4217 currency code such as EUR", "program.error.currency"));
        return null;
    }

    private static String tierName(String name, List<Tier> existing, TierId self) {
        String cleaned = name == null ? "" : name.trim();
        if (cleaned.isEmpty() || cleaned.length() > 60) {
            throw InvalidInputException.of("name", "validation.required", "is required (60 characters at most)");
        }
        if (existing.stream().anyMatch(t -> !t.id().equals(self) && t.name().equalsIgnoreCase(cleaned))) {
            throw InvalidInputException.of("name", "tier.error.nameTaken", "another tier of this program has this name");
        }
        return cleaned;
    }

    private static Program withAutoApproval(Program p, Program.AutoApproval autoApproval) {
        return new Program(p.workspaceId(), p.id(), p.slug(), p.name(), p.type(), p.description(), p.currency(),
                p.defaultDestination(), p.allowedHosts(), p.attributionModel(), p.attributionWindowDays(),
                p.commissionSummary(), autoApproval, p.archivedAt(), p.createdAt(), p.tracking());
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }

    static String slugOf(String name, int attempt) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.length() < 3) {
            base = "program" + (base.isEmpty() ? "" : "-" + base);
        }
        base = base.length() > 56 ? base.substring(0, 56).replaceAll("-+$", "") : base;
        return attempt == 1 ? base : base + "-" + attempt;
    }
}
