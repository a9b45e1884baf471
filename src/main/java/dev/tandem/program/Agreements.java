package dev.tandem.program;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tandem.core.Sha256;
import dev.tandem.core.Ids;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.program.internal.AgreementRepository;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned partner agreements. Publishing adds a version and never edits an old one; the
 * agreement in force for a tier is its own latest version, else the program's latest.
 */
@Service
public class Agreements {

    /** Starting text for a new agreement: the sections every partner agreement should answer. */
    public static final String TEMPLATE = """
            ## What each side provides

            ## Commission terms

            ## The ideal customer and why they buy

            ## How you may promote

            ## How you may not promote
            """;

    private final AgreementRepository agreements;
    private final Programs programs;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Agreements(AgreementRepository agreements, Programs programs, AuditLog audit, ApplicationEventPublisher events,
            Clock clock) {
        this.agreements = agreements;
        this.programs = programs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Publishes the next version of the program's agreement ({@code tier} null) or of a tier's own. */
    @Transactional
    public AgreementVersion publish(WorkspaceId workspace, Actor by, ProgramId program, TierId tier, String title,
            String bodyMarkdown) {
        programs.get(workspace, program);
        if (tier != null) {
            programs.tier(workspace, program, tier);
        }
        String cleanTitle = title == null ? "" : title.trim();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 200) {
            throw InvalidInputException.of("title", "validation.required", "is required (200 characters at most)");
        }
        if (bodyMarkdown == null || bodyMarkdown.isBlank() || bodyMarkdown.length() > 100_000) {
            throw InvalidInputException.of("body", "validation.required", "is required (100,000 characters at most)");
        }
        String body = bodyMarkdown.replace("\r\n", "\n");
        int version = agreements.nextVersion(workspace, program, tier);
        AgreementVersion published = new AgreementVersion(program, new AgreementVersionId(Ids.newId()), tier, version,
                cleanTitle, body, Sha256.of(body), clock.instant());
        agreements.insert(workspace, published, by.id());
        audit.record(workspace, by, "agreement.published", published.id().toString(),
                Map.of("program", program.toString(), "tier", tier == null ? "all" : tier.toString(), "version", version));
        events.publishEvent(new AgreementPublished(workspace, program, tier, published.id(), version));
        return published;
    }

    /** The agreement partners of this tier must have accepted: the tier's own, else the program's. */
    public Optional<AgreementVersion> current(WorkspaceId workspace, ProgramId program, TierId tier) {
        return (tier == null ? Optional.<AgreementVersion>empty() : agreements.latest(workspace, program, tier))
                .or(() -> agreements.latest(workspace, program, null));
    }

    public List<AgreementVersion> history(WorkspaceId workspace, ProgramId program) {
        return agreements.history(workspace, program);
    }

    public AgreementVersion get(WorkspaceId workspace, AgreementVersionId id) {
        return agreements.find(workspace, id).orElseThrow(() -> new NotFoundException("no agreement version " + id));
    }
}
