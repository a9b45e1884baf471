package dev.tandem.tracking;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tandem.core.ListSort;
import dev.tandem.core.ListRequest;
import dev.tandem.core.ListPage;
import dev.tandem.core.ConflictException;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.Ids;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.core.WebAddresses;
import dev.tandem.partner.Onboarding;
import dev.tandem.partner.OnboardingStepKind;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.tracking.internal.LinkRepository;
import dev.tandem.tracking.internal.Slugs;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.AuditLog;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners' tracking links: the default link every approved partner gets (made on approval, or
 * the first time a page asks), further links with their own slug, destination and campaign, and
 * switching links off and on. A destination is always on the program's allowed hosts, never an
 * arbitrary address, so that a link can never be used to send people elsewhere.
 */
@Service
public class Links {

    private static final int ATTEMPTS = 20;

    private final LinkRepository repository;
    private final ApprovedPartners approved;
    private final Partners partners;
    private final Codes codes;
    private final Onboarding onboarding;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicUrl;

    Links(LinkRepository repository, ApprovedPartners approved, Partners partners, Codes codes, Onboarding onboarding,
            AuditLog audit, Clock clock, @Value("${tandem.public-url:http://localhost:8080}") String publicUrl) {
        this.repository = repository;
        this.approved = approved;
        this.partners = partners;
        this.codes = codes;
        this.onboarding = onboarding;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** A link to make: slug, destination and campaign are optional (a slug is then proposed, the destination is the program's). */
    public record NewLink(ProgramId programId, PartnerId partnerId, String slug, String destination, String campaign) {
    }

    /** The partner's default link in the program, created (e.g. {@code /r/ana-ruiz-x7k2}) if they have none. */
    @Transactional
    public Link defaultLink(WorkspaceId workspace, ProgramId program, PartnerId partner) {
        Optional<Link> existing = repository.findDefault(workspace, program, partner);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!approved.approved(workspace, program, partner)) {
            throw new ConflictException("partner " + partner + " is not approved in program " + program);
        }
        String name = partners.get(workspace, partner).name();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Link link = new Link(workspace, new LinkId(Ids.newId()), program, partner, Slugs.slugCandidate(name, attempt),
                    null, "", true, null, now());
            if (repository.insert(link)) {
                recordCreated(Actor.system(), link);
                return link;
            }
            // made meanwhile by another request, or the slug was taken: then try another
            Optional<Link> raced = repository.findDefault(workspace, program, partner);
            if (raced.isPresent()) {
                return raced.get();
            }
        }
        throw new IllegalStateException("no free slug for partner " + partner + " after " + ATTEMPTS + " attempts");
    }

    /** The partner's active referral code in the program, created if they have none. */
    public ReferralCode referralCode(WorkspaceId workspace, ProgramId program, PartnerId partner) {
        return codes.referralCode(workspace, program, partner);
    }

    /** A further link for a partner approved in the program; the partner also gets their default link and code if missing. */
    @Transactional
    public Link create(WorkspaceId workspace, Actor by, NewLink request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.programId() == null) {
            problems.add(new FieldProblem("programId", "is required", "validation.required"));
        }
        if (request.partnerId() == null) {
            problems.add(new FieldProblem("partnerId", "is required", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ApprovedPartners.Member member = approved.require(workspace, request.programId(), request.partnerId());
        Program program = member.program();
        String slug = request.slug() == null ? "" : request.slug().trim();
        checkSlug(slug, problems);
        URI destination = destination(program, request.destination(), problems);
        String campaign = request.campaign() == null ? "" : request.campaign().trim();
        if (campaign.length() > 100) {
            problems.add(new FieldProblem("campaign", "is too long (100 characters at most)",
                    "tracking.error.campaignLength"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        defaultLink(workspace, program.id(), request.partnerId());
        codes.referralCode(workspace, program.id(), request.partnerId());
        Link link = slug.isEmpty() ? insertWithProposedSlug(workspace, program.id(), member.partner(), destination,
                campaign) : insertWithSlug(workspace, program.id(), request.partnerId(), slug, destination, campaign);
        recordCreated(by, link);
        return link;
    }

    /** A partner makes a link for themselves in the portal; their first one ticks the onboarding step. */
    @Transactional
    public Link create(PartnerPrincipal who, ProgramId program, String slug, String destination, String campaign) {
        Link link = create(who.workspaceId(), who.asActor(),
                new NewLink(program, who.partnerId(), slug, destination, campaign));
        onboarding.systemDone(who.workspaceId(), who.partnerId(), OnboardingStepKind.CREATE_FIRST_LINK);
        return link;
    }

    /** Switches a link off: visitors no longer reach the destination through it. Twice changes nothing. */
    @Transactional
    public Link disable(WorkspaceId workspace, Actor by, LinkId id) {
        Link link = get(workspace, id);
        if (!link.enabled()) {
            return link;
        }
        repository.setDisabled(workspace, id, now());
        audit.record(workspace, by, "link.disabled", id.toString(), Map.of("slug", link.slug()));
        return get(workspace, id);
    }

    /** Switches a link on again, while its partner is approved in the program. */
    @Transactional
    public Link enable(WorkspaceId workspace, Actor by, LinkId id) {
        Link link = get(workspace, id);
        if (link.enabled()) {
            return link;
        }
        if (!approved.approved(workspace, link.programId(), link.partnerId())) {
            throw new ConflictException("the link's partner is not approved in its program; links stay off meanwhile");
        }
        repository.setDisabled(workspace, id, null);
        audit.record(workspace, by, "link.enabled", id.toString(), Map.of("slug", link.slug()));
        return get(workspace, id);
    }

    @Transactional
    public Link disable(PartnerPrincipal who, LinkId id) {
        return disable(who.workspaceId(), who.asActor(), own(who, id).id());
    }

    @Transactional
    public Link enable(PartnerPrincipal who, LinkId id) {
        return enable(who.workspaceId(), who.asActor(), own(who, id).id());
    }

    public Link get(WorkspaceId workspace, LinkId id) {
        return repository.find(workspace, id).orElseThrow(() -> new NotFoundException("no link " + id));
    }

    /** One of the partner's own links; anybody else's is as unknown as one that does not exist. */
    public Link own(PartnerPrincipal who, LinkId id) {
        return repository.find(who.workspaceId(), id).filter(l -> l.partnerId().equals(who.partnerId()))
                .orElseThrow(() -> new NotFoundException("no link " + id));
    }

    /**
     * The orders staff may sort a program's links by: newest first unless asked otherwise; the id
     * breaks ties. Visitors sort most first, counted as the page shows them ({@code link_visitors}, V25:
     * one index scan of the link's clicks per link of the program). Partner names live in another
     * module, so they do not sort here.
     */
    public static final ListSort SORTS = ListSort.of("id",
            ListSort.Key.descending("created", "created_at"),
            ListSort.Key.ascending("address", "slug"),
            ListSort.Key.ascending("campaign", "lower(campaign)"),
            ListSort.Key.descending("visitors", "link_visitors(workspace_id, id, null)"),
            ListSort.Key.ascending("status", "disabled_at is not null"));

    /** One page of a program's links, of one partner or all ({@code partner} null), in the asked order. */
    public ListPage<Link> sorted(WorkspaceId workspace, ProgramId program, PartnerId partner, ListRequest request) {
        return ListPage.fetch(request, repository.count(workspace, program, partner),
                page -> repository.sorted(workspace, program, partner, page));
    }

    /** Links newest first, optionally of one program and/or partner. */
    public Page<Link> page(WorkspaceId workspace, ProgramId program, PartnerId partner, PageRequest page) {
        return Page.fromOverfetch(repository.page(workspace, program, partner, page.startingAfter(), page.fetchSize()),
                page);
    }

    /** A partner's links, the default link first; {@code program} null means every program. */
    public List<Link> ofPartner(WorkspaceId workspace, PartnerId partner, ProgramId program) {
        return repository.ofPartner(workspace, partner, program);
    }

    /** Unique human visitors per link (bots and a visitor's repeated clicks left out); every link asked for is answered. */
    public Map<LinkId, Long> clicks(WorkspaceId workspace, Collection<LinkId> links) {
        return clicks(workspace, links, null);
    }

    /** Unique human visitors per link since a moment ({@code null}: ever); every link asked for is answered. */
    public Map<LinkId, Long> clicks(WorkspaceId workspace, Collection<LinkId> links, Instant since) {
        Map<LinkId, Long> found = repository.uniqueClicks(workspace, links, since);
        Map<LinkId, Long> all = new LinkedHashMap<>();
        links.forEach(id -> all.put(id, found.getOrDefault(id, 0L)));
        return all;
    }

    /** The absolute address to share, e.g. {@code https://partners.acme.com/r/ana-ruiz-x7k2}. */
    public String url(Link link) {
        return publicUrl + "/r/" + link.slug();
    }

    /**
     * The partner's hosted referral page, {@code /p/{program}/{code}} (served by the referral module, which
     * builds on tracking and so cannot be asked): the address partners give people who would rather leave
     * their details than buy at once.
     */
    public String referralPageUrl(Program program, ReferralCode code) {
        return publicUrl + referralPagePath(program, code);
    }

    /** The hosted referral page's path, {@code /p/{program}/{code}}: one place for the route both modules name. */
    public static String referralPagePath(Program program, ReferralCode code) {
        return "/p/" + program.slug() + "/" + code.code();
    }

    /** Where the link sends visitors now: its own destination, or the program's default. */
    public static URI destinationOf(Link link, Program program) {
        return link.destination() != null ? link.destination() : program.defaultDestination();
    }

    private void checkSlug(String slug, List<FieldProblem> problems) {
        if (slug.isEmpty()) {
            return;
        }
        if (!Slugs.SLUG.matcher(slug).matches()) {
            problems.add(new FieldProblem("slug", "may use letters, digits, - and _ (3 to 64 characters)",
                    "tracking.error.slugFormat"));
        } else if (repository.findBySlug(slug).isPresent()) {
            problems.add(new FieldProblem("slug", "is already taken", "tracking.error.taken"));
        }
    }

    private static URI destination(Program program, String given, List<FieldProblem> problems) {
        if (given == null || given.isBlank()) {
            return null;
        }
        Optional<URI> address = WebAddresses.parse(given);
        if (address.isEmpty()) {
            problems.add(new FieldProblem("destination", "must be an http or https address, e.g. "
                    + program.defaultDestination(), "tracking.error.destinationFormat"));
            return null;
        }
        if (!program.allowsHost(address.get().getHost())) {
            List<String> hosts = new ArrayList<>();
            hosts.add(program.defaultDestination().getHost());
            hosts.addAll(program.allowedHosts());
            problems.add(new FieldProblem("destination", "must be on one of the program's hosts: "
                    + String.join(", ", hosts), "tracking.error.destinationHost"));
            return null;
        }
        return address.get();
    }

    private Link insertWithSlug(WorkspaceId workspace, ProgramId program, PartnerId partner, String slug,
            URI destination, String campaign) {
        Link link = new Link(workspace, new LinkId(Ids.newId()), program, partner, slug, destination, campaign, false,
                null, now());
        if (!repository.insert(link)) {
            throw InvalidInputException.of("slug", "tracking.error.taken", "is already taken");
        }
        return link;
    }

    private Link insertWithProposedSlug(WorkspaceId workspace, ProgramId program, Partner partner, URI destination,
            String campaign) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Link link = new Link(workspace, new LinkId(Ids.newId()), program, partner.id(),
                    Slugs.slugCandidate(partner.name(), attempt), destination, campaign, false, null, now());
            if (repository.insert(link)) {
                return link;
            }
        }
        throw new IllegalStateException("no free slug for partner " + partner.id() + " after " + ATTEMPTS + " attempts");
    }

    private void recordCreated(Actor by, Link link) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("slug", link.slug());
        details.put("program", link.programId().toString());
        details.put("partner", link.partnerId().toString());
        details.put("default", link.isDefault());
        details.put("destination", link.destination() == null ? "" : link.destination().toString());
        details.put("campaign", link.campaign());
        audit.record(link.workspaceId(), by, "link.created", link.id().toString(), details);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
