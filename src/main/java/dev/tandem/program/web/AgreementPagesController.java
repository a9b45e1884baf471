package dev.tandem.program.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.core.NotFoundException;
import dev.tandem.program.AgreementVersion;
import dev.tandem.program.AgreementVersionId;
import dev.tandem.program.Agreements;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.program.Tier;
import dev.tandem.program.TierId;
import dev.tandem.workspace.StaffPrincipal;
import dev.tandem.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A program's partner agreement: the version in force for all partners and for each tier with its
 * own, publishing a new version, the history, and a printable page per version.
 */
@Controller
@RequestMapping("/admin/programs/{programId}/agreement")
class AgreementPagesController {

    private final Programs programs;
    private final Agreements agreements;

    AgreementPagesController(Programs programs, Agreements agreements) {
        this.programs = programs;
        this.agreements = agreements;
    }

    /** {@code tierId} blank = the agreement of all the program's partners. */
    record PublishForm(String tierId, String title, String body) {
    }

    /** The latest version of one stream: the program's own ({@code tier} null) or a tier's. */
    record Stream(Tier tier, AgreementVersion current) {
    }

    @GetMapping
    String show(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId, Model model) {
        ProgramId id = ProgramId.parse(programId);
        Program program = programs.get(me.workspaceId(), id);
        AgreementVersion latest = agreements.current(me.workspaceId(), id, null).orElse(null);
        model.addAttribute("form", new PublishForm("", latest == null ? "" : latest.title(),
                latest == null ? Agreements.TEMPLATE : latest.bodyMarkdown()));
        return page(me, program, model);
    }

    @PostMapping
    String publish(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @ModelAttribute("form") PublishForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        ProgramId id = ProgramId.parse(programId);
        Program program = programs.get(me.workspaceId(), id);
        TierId tier = form.tierId() == null || form.tierId().isBlank() ? null : TierId.parse(form.tierId());
        try {
            AgreementVersion published = agreements.publish(me.workspaceId(), me.asActor(), id, tier, form.title(),
                    form.body());
            flash.addFlashAttribute("notice", "agreement.published");
            flash.addFlashAttribute("publishedVersion", published.version());
            return "redirect:/admin/programs/" + id + "/agreement";
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, Map.of());
            return page(me, program, model);
        }
    }

    @GetMapping("/{versionId}")
    String version(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String programId,
            @PathVariable String versionId, Model model) {
        ProgramId id = ProgramId.parse(programId);
        Program program = programs.get(me.workspaceId(), id);
        AgreementVersion version = agreements.get(me.workspaceId(), AgreementVersionId.parse(versionId));
        if (!version.programId().equals(id)) {
            throw new NotFoundException("no agreement version " + versionId + " in program " + id);
        }
        model.addAttribute("program", program);
        model.addAttribute("version", version);
        model.addAttribute("tierName", version.tierId() == null ? null
                : programs.tier(me.workspaceId(), id, version.tierId()).name());
        return "program/agreement-version";
    }

    private String page(StaffPrincipal me, Program program, Model model) {
        List<Tier> tiers = programs.tiers(me.workspaceId(), program.id());
        List<AgreementVersion> history = agreements.history(me.workspaceId(), program.id());
        // history is newest first within each stream: the first of a stream is the one in force
        Map<TierId, AgreementVersion> latest = new LinkedHashMap<>();
        history.forEach(v -> latest.putIfAbsent(v.tierId(), v));
        List<Stream> streams = new ArrayList<>();
        if (latest.containsKey(null)) {
            streams.add(new Stream(null, latest.get(null)));
        }
        tiers.stream().filter(t -> latest.containsKey(t.id())).forEach(t -> streams.add(new Stream(t, latest.get(t.id()))));
        model.addAttribute("program", program);
        model.addAttribute("tiers", tiers);
        model.addAttribute("tierNames", tierNames(tiers));
        model.addAttribute("streams", streams);
        model.addAttribute("history", history);
        model.addAttribute("nextVersion", latest.containsKey(null) ? latest.get(null).version() + 1 : 1);
        return "program/agreement";
    }

    private static Map<TierId, String> tierNames(List<Tier> tiers) {
        Map<TierId, String> names = new LinkedHashMap<>();
        tiers.forEach(t -> names.put(t.id(), t.name()));
        return names;
    }
}
