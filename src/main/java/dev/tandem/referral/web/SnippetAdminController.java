package dev.tandem.referral.web;

import java.util.Arrays;
import java.util.List;

import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.referral.PublishableKey;
import dev.tandem.referral.PublishableKeyId;
import dev.tandem.referral.PublishableKeys;
import dev.tandem.workspace.StaffPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A program's lead capture set-up for its managers: the publishable key, the origins it may be used
 * from, and the snippet to paste into the business's site (owners, admins and managers change them;
 * viewers only look). Also where the partners' hosted referral pages are explained.
 */
@Controller
@RequestMapping("/admin/programs/{programId}/snippet")
class SnippetAdminController {

    private final PublishableKeys keys;
    private final Programs programs;
    private final String publicUrl;

    SnippetAdminController(PublishableKeys keys, Programs programs,
            @Value("${tandem.public-url:http://localhost:8080}") String publicUrl) {
        this.keys = keys;
        this.programs = programs;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** An active key as the page shows it: the line to paste, and its origins one per line. */
    record KeyView(PublishableKey key, String snippet, String origins) {
    }

    /** The origins one key's form sent back, with the reason they were refused. */
    record FailedOrigins(String keyId, String text, String code) {
    }

    @GetMapping
    String page(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId, Model model) {
        return page(me, ProgramId.parse(programId), null, model);
    }

    @PostMapping("/keys")
    String create(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId, RedirectAttributes flash) {
        ProgramId program = ProgramId.parse(programId);
        keys.create(me.workspaceId(), me.asActor(), program);
        flash.addFlashAttribute("notice", "intake.snippet.created");
        return "redirect:/admin/programs/" + program + "/snippet";
    }

    @PostMapping("/keys/{keyId}/origins")
    String origins(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId, @PathVariable String keyId,
            @RequestParam(defaultValue = "") String origins, Model model, RedirectAttributes flash) {
        ProgramId program = ProgramId.parse(programId);
        PublishableKey key = keyOf(me, program, keyId);
        try {
            keys.setAllowedOrigins(me.workspaceId(), me.asActor(), key.id(),
                    Arrays.stream(origins.split("[\\s,]+")).filter(o -> !o.isBlank()).toList());
        } catch (InvalidInputException e) {
            String code = e.problems().isEmpty() || e.problems().get(0).code() == null ? "validation.invalid"
                    : e.problems().get(0).code();
            return page(me, program, new FailedOrigins(key.id().toString(), origins, code), model);
        }
        flash.addFlashAttribute("notice", "intake.snippet.originsSaved");
        return "redirect:/admin/programs/" + program + "/snippet";
    }

    @PostMapping("/keys/{keyId}/revoke")
    String revoke(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId, @PathVariable String keyId,
            RedirectAttributes flash) {
        ProgramId program = ProgramId.parse(programId);
        keys.revoke(me.workspaceId(), me.asActor(), keyOf(me, program, keyId).id());
        flash.addFlashAttribute("notice", "intake.snippet.revoked");
        return "redirect:/admin/programs/" + program + "/snippet";
    }

    private PublishableKey keyOf(StaffPrincipal me, ProgramId program, String keyId) {
        PublishableKey key = keys.get(me.workspaceId(), PublishableKeyId.parse(keyId));
        if (!key.programId().equals(program)) {
            throw new NotFoundException("publishable key " + keyId + " belongs to another program");
        }
        return key;
    }

    private String page(StaffPrincipal me, ProgramId programId, FailedOrigins failed, Model model) {
        Program program = programs.get(me.workspaceId(), programId);
        List<PublishableKey> all = keys.list(me.workspaceId(), programId);
        model.addAttribute("program", program);
        model.addAttribute("activeKeys", all.stream().filter(PublishableKey::active)
                .map(k -> new KeyView(k, snippet(k), String.join("\n", k.allowedOrigins()))).toList());
        model.addAttribute("revokedKeys", all.stream().filter(k -> !k.active()).toList());
        model.addAttribute("failed", failed);
        model.addAttribute("publicUrl", publicUrl);
        return "referral/snippet/admin";
    }

    /** The line to paste into every page of the business's site. */
    private String snippet(PublishableKey key) {
        return "<script src=\"" + publicUrl + "/js/tandem.js\" data-key=\"" + key.key() + "\" async></script>";
    }
}
