package dev.tandem.tracking.web;

import java.util.List;
import java.util.Map;

import dev.tandem.core.ConflictException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.partner.PartnerPrincipal;
import dev.tandem.partner.PortalPage;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.tracking.Link;
import dev.tandem.tracking.LinkId;
import dev.tandem.tracking.Links;
import dev.tandem.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's links in the portal: what to share (links, codes, QR codes, share buttons and
 * texts), a form for a further link, and switching their own links off and on.
 */
@Controller
@PortalPage
class LinkPortalController {

    private final LinkPortalPage pages;
    private final Links links;

    LinkPortalController(LinkPortalPage pages, Links links) {
        this.pages = pages;
        this.links = links;
    }

    record LinkForm(String programId, String slug, String destination, String campaign) {
    }

    @GetMapping("/portal/links")
    String page(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        return page(me, model, null);
    }

    @PostMapping("/portal/links")
    String create(@AuthenticationPrincipal PartnerPrincipal me, @ModelAttribute("form") LinkForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        try {
            ProgramId program = TrackingIds.field(form.programId(), "programId", ProgramId.PREFIX, ProgramId::parse);
            if (program != null && !pages.open(me, program)) {
                // suspended, waiting, archived or not theirs: the page explains why, the form names no field
                errors.reject("tracking.portal.cannotCreate", "You cannot create links in this program right now.");
                return page(me, model, form);
            }
            Link link = links.create(me, program, form.slug(), form.destination(), form.campaign());
            flash.addFlashAttribute("notice", "tracking.portal.created");
            return "redirect:/portal/links#link-" + link.id();
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            return page(me, model, form);
        } catch (ConflictException e) {
            errors.reject("tracking.portal.cannotCreate", e.getMessage());
            return page(me, model, form);
        }
    }

    @PostMapping("/portal/links/{id}/disable")
    String disable(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable String id, RedirectAttributes flash) {
        Link link = links.disable(me, LinkId.parse(id));
        flash.addFlashAttribute("notice", "tracking.portal.disabled");
        return "redirect:/portal/links#link-" + link.id();
    }

    @PostMapping("/portal/links/{id}/enable")
    String enable(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable String id, RedirectAttributes flash) {
        try {
            Link link = links.enable(me, LinkId.parse(id));
            flash.addFlashAttribute("notice", "tracking.portal.enabled");
            return "redirect:/portal/links#link-" + link.id();
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", "tracking.portal.cannotEnable");
            return "redirect:/portal/links";
        }
    }

    private String page(PartnerPrincipal me, Model model, LinkForm submitted) {
        List<LinkPortalPage.ProgramBlock> blocks = pages.blocks(me);
        List<Program> open = blocks.stream().filter(LinkPortalPage.ProgramBlock::approved)
                .map(LinkPortalPage.ProgramBlock::program).filter(Program::active).toList();
        model.addAttribute("blocks", blocks);
        model.addAttribute("openPrograms", open);
        if (submitted == null) {
            model.addAttribute("form", new LinkForm(open.isEmpty() ? "" : open.get(0).id().toString(), "", "", ""));
        }
        return "tracking/portal/links";
    }
}
