package dev.tandem.tracking.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.tracking.Codes;
import dev.tandem.tracking.Link;
import dev.tandem.tracking.LinkId;
import dev.tandem.tracking.Links;
import dev.tandem.workspace.ApiKeyPrincipal;
import dev.tandem.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Partners' tracking links through the API (see API.md): create, read with unique clicks, list, switch off and on. */
@RestController
@Tag(name = "Links", description = "Tracking links: /r/{slug} addresses that credit a partner")
class LinkApiController {

    private final Links links;
    private final Codes codes;
    private final Programs programs;

    LinkApiController(Links links, Codes codes, Programs programs) {
        this.links = links;
        this.codes = codes;
        this.programs = programs;
    }

    record NewLinkBody(String programId, String partnerId, String slug, String destination, String campaign) {
    }

    /**
     * A link as the API shows it: {@code destination} is where it leads now (the program's default
     * if the link has none of its own), {@code code} the partner's referral code in the program.
     */
    record LinkView(String id, String programId, String partnerId, String slug, String url, String destination,
            String campaign, @JsonProperty("default") boolean isDefault, String status, String code, long clicks,
            Instant createdAt) {
    }

    @PostMapping("/api/v1/links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a tracking link for a partner",
            description = "For a partner approved in the program. `slug` (letters, digits, - and _, 3–64, unique"
                    + " whatever the case) is proposed from the partner's name if absent; `destination` must be an"
                    + " http(s) address on the program's allowed hosts (the program's default destination if absent);"
                    + " `campaign` is a label of at most 100 characters. A taken slug or a foreign host answers 422"
                    + " naming the field. Answers the link with its absolute `url` and the partner's referral `code`.")
    LinkView create(@AuthenticationPrincipal ApiKeyPrincipal key, @RequestBody NewLinkBody body) {
        Link link = links.create(key.workspaceId(), key.asActor(), new Links.NewLink(
                TrackingIds.field(body.programId(), "programId", ProgramId.PREFIX, ProgramId::parse),
                TrackingIds.field(body.partnerId(), "partnerId", PartnerId.PREFIX, PartnerId::parse),
                body.slug(), body.destination(), body.campaign()));
        return views(key.workspaceId(), List.of(link)).get(0);
    }

    @GetMapping("/api/v1/links/{id}")
    @Operation(summary = "A tracking link with its clicks",
            description = "`clicks` counts unique visitors: bots and a visitor's repeated clicks are left out.")
    LinkView get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return views(key.workspaceId(), List.of(links.get(key.workspaceId(), LinkId.parse(id)))).get(0);
    }

    @GetMapping("/api/v1/links")
    @Operation(summary = "Tracking links, newest first",
            description = "Filter with `partnerId` and/or `programId`; page with `limit` (1–100, default 20) and"
                    + " `starting_after` (the last link id of the previous page).")
    Page<LinkView> list(@AuthenticationPrincipal ApiKeyPrincipal key,
            @Parameter(description = "only this partner's links") @RequestParam(name = "partnerId", required = false) String partnerId,
            @Parameter(description = "only this program's links") @RequestParam(name = "programId", required = false) String programId,
            @RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter) {
        Page<Link> page = links.page(key.workspaceId(),
                TrackingIds.parameter(programId, "programId", ProgramId.PREFIX, ProgramId::parse),
                TrackingIds.parameter(partnerId, "partnerId", PartnerId.PREFIX, PartnerId::parse),
                PageRequest.of(limit, startingAfter, LinkId.PREFIX));
        return new Page<>(views(key.workspaceId(), page.data()), page.hasMore());
    }

    @PostMapping("/api/v1/links/{id}/disable")
    @Operation(summary = "Switch a link off", description = "Visitors no longer reach the destination through it;"
            + " clicks and attribution already recorded stay. Disabling a disabled link changes nothing.")
    LinkView disable(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        Link link = links.disable(key.workspaceId(), key.asActor(), LinkId.parse(id));
        return views(key.workspaceId(), List.of(link)).get(0);
    }

    @PostMapping("/api/v1/links/{id}/enable")
    @Operation(summary = "Switch a link on again", description = "Only while the partner is approved in the"
            + " program (409 otherwise).")
    LinkView enable(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        Link link = links.enable(key.workspaceId(), key.asActor(), LinkId.parse(id));
        return views(key.workspaceId(), List.of(link)).get(0);
    }

    private List<LinkView> views(WorkspaceId workspace, List<Link> list) {
        Map<LinkId, Long> clicks = links.clicks(workspace, list.stream().map(Link::id).toList());
        Map<ProgramId, Program> seenPrograms = new HashMap<>();
        Map<String, String> codeOf = new HashMap<>();
        codes.activeReferralCodes(workspace, list.stream().map(Link::partnerId).toList())
                .forEach(c -> codeOf.put(c.programId() + "/" + c.partnerId(), c.code()));
        return list.stream().map(link -> {
            Program program = seenPrograms.computeIfAbsent(link.programId(), p -> programs.get(workspace, p));
            String code = codeOf.get(link.programId() + "/" + link.partnerId());
            return new LinkView(link.id().toString(), link.programId().toString(), link.partnerId().toString(),
                    link.slug(), links.url(link), Links.destinationOf(link, program).toString(), link.campaign(),
                    link.isDefault(), link.enabled() ? "active" : "disabled", code, clicks.get(link.id()),
                    link.createdAt());
        }).toList();
    }
}
