package dev.tandem.tracking.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.tandem.core.ListRequest;
import dev.tandem.core.ListPage;
import dev.tandem.core.ConflictException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.tracking.Link;
import dev.tandem.tracking.LinkId;
import dev.tandem.tracking.Links;
import dev.tandem.web.FormErrors;
import dev.tandem.workspace.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A program's tracking links for its managers: every partner's links with clicks and status,
 * filtered by partner; a form to make a link for an approved partner; switching links off and on.
 */
@Controller
@RequestMapping("/admin/programs/{programId}/links")
class LinkAdminController {

    private final Links links;
    private final Programs programs;
    private final LinkAdminPages pages;

    LinkAdminController(Links links, Programs programs, LinkAdminPages pages) {
        this.links = links;
        this.programs = programs;
        this.pages = pages;
    }

    record LinkForm(String partnerId, String slug, String destination, String campaign) {
    }

    /** One row of the table. */
    record Row(Link link, String partnerName, String url, URI destination, long clicks) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @RequestParam(name = "partner", required = false) String partner,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "dir", required = false) String dir,
            @RequestParam(name = "page", required = false) String pageNumber, Model model) {
        PartnerId filter = TrackingIds.lenient(partner, PartnerId::parse);
        model.addAttribute("form", new LinkForm(filter == null ? "" : filter.toString(), "", "", ""));
        return page(me, ProgramId.parse(programId), filter, Links.SORTS.read(sort, dir, pageNumber), model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @ModelAttribute("form") LinkForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        ProgramId program = ProgramId.parse(programId);
        try {
            Link link = links.create(me.workspaceId(), me.asActor(), new Links.NewLink(program,
                    TrackingIds.field(form.partnerId(), "partnerId", PartnerId.PREFIX, PartnerId::parse), form.slug(),
                    form.destination(), form.campaign()));
            flash.addFlashAttribute("notice", "tracking.admin.created");
            return redirect(program, link.partnerId());
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            return page(me, program, null, Links.SORTS.first(), model);
        } catch (ConflictException e) {
            errors.reject("tracking.admin.archived", e.getMessage());
            return page(me, program, null, Links.SORTS.first(), model);
        }
    }

    @PostMapping("/{linkId}/disable")
    String disable(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @PathVariable String linkId, @RequestParam(name = "partner", required = false) String partner,
            RedirectAttributes flash) {
        ProgramId program = ProgramId.parse(programId);
        links.disable(me.workspaceId(), me.asActor(), linkOf(me, program, linkId).id());
        flash.addFlashAttribute("notice", "tracking.admin.disabled");
        return redirect(program, TrackingIds.lenient(partner, PartnerId::parse));
    }

    @PostMapping("/{linkId}/enable")
    String enable(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @PathVariable String linkId, @RequestParam(name = "partner", required = false) String partner,
            RedirectAttributes flash) {
        ProgramId program = ProgramId.parse(programId);
        try {
            links.enable(me.workspaceId(), me.asActor(), linkOf(me, program, linkId).id());
            flash.addFlashAttribute("notice", "tracking.admin.enabled");
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", "tracking.admin.cannotEnable");
        }
        return redirect(program, TrackingIds.lenient(partner, PartnerId::parse));
    }

    private Link linkOf(StaffPrincipal me, ProgramId program, String linkId) {
        Link link = links.get(me.workspaceId(), LinkId.parse(linkId));
        if (!link.programId().equals(program)) {
            throw new NotFoundException("no link " + linkId + " in program " + program);
        }
        return link;
    }

    private String page(StaffPrincipal me, ProgramId programId, PartnerId filter, ListRequest request, Model model) {
        Program program = programs.get(me.workspaceId(), programId);
        LinkAdminPages.Members members = pages.members(me.workspaceId(), programId);
        ListPage<Link> page = links.sorted(me.workspaceId(), programId, filter, request);
        Map<LinkId, Long> clicks = links.clicks(me.workspaceId(), page.rows().stream().map(Link::id).toList());
        List<Row> rows = page.rows().stream().map(l -> new Row(l, members.name(l.partnerId()), links.url(l),
                Links.destinationOf(l, program), clicks.get(l.id()))).toList();
        model.addAttribute("program", program);
        model.addAttribute("members", members);
        model.addAttribute("rows", rows);
        model.addAttribute("filter", filter == null ? "" : filter.toString());
        model.addAttribute("page", page);
        return "tracking/admin/links";
    }

    private static String redirect(ProgramId program, PartnerId partner) {
        UriComponentsBuilder to = UriComponentsBuilder.fromPath("/admin/programs/{program}/links");
        if (partner != null) {
            to.queryParam("partner", partner.toString());
        }
        return "redirect:" + to.buildAndExpand(program.toString()).toUriString();
    }
}
