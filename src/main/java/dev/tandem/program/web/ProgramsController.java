package dev.tandem.program.web;

import java.util.Currency;
import java.util.List;
import java.util.Map;

import dev.tandem.core.InvalidInputException;
import dev.tandem.program.AttributionModel;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramType;
import dev.tandem.program.Programs;
import dev.tandem.workspace.StaffPrincipal;
import dev.tandem.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workspace's programs, and creating a new one. */
@Controller
@RequestMapping("/admin/programs")
class ProgramsController {

    /** The currencies most programs pay in; any ISO 4217 code works through the API. */
    static final List<Currency> CURRENCIES = List.of("EUR", "USD", "GBP", "NOK", "SEK", "DKK", "CHF", "BRL", "MXN", "JPY")
            .stream().map(Currency::getInstance).toList();

    /** The service's field names that differ from the form's. */
    static final Map<String, String> FIELDS = Map.of("attribution.windowDays", "windowDays",
            "attribution.model", "attributionModel");

    private final Programs programs;

    ProgramsController(Programs programs) {
        this.programs = programs;
    }

    record NewProgramForm(String name, String type, String currency, String description, String defaultDestination,
            String allowedHosts, String attributionModel, String windowDays, String commissionSummary, String slug) {
    }

    record Row(Program program, int tiers) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("rows", programs.list(me.workspaceId()).stream()
                .map(p -> new Row(p, programs.tiers(me.workspaceId(), p.id()).size())).toList());
        return "program/list";
    }

    @GetMapping("/new")
    String newProgram(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("form", new NewProgramForm("", ProgramType.REFERRAL.code(), "EUR", "", "", "",
                AttributionModel.LAST_CLICK.code(), "90", "", ""));
        return newPage(model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute("form") NewProgramForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        try {
            Program program = programs.create(me.workspaceId(), me.asActor(), new Programs.Settings(form.name(),
                    enumOf(form.type(), ProgramType::fromCode), form.description(), form.currency(),
                    form.defaultDestination(), PageForms.words(form.allowedHosts()),
                    enumOf(form.attributionModel(), AttributionModel::fromCode), PageForms.number(form.windowDays(), 0),
                    form.commissionSummary(), form.slug()));
            flash.addFlashAttribute("notice", "program.created");
            return "redirect:/admin/programs/" + program.id();
        } catch (InvalidInputException e) {
            FormErrors.reject(errors, e, FIELDS);
            return newPage(model);
        }
    }

    private static String newPage(Model model) {
        model.addAttribute("types", ProgramType.values());
        model.addAttribute("currencies", CURRENCIES);
        model.addAttribute("models", AttributionModel.values());
        return "program/new";
    }

    /** A select's value as the enum it names; anything else is null, which the service reports or defaults. */
    static <T> T enumOf(String code, java.util.function.Function<String, T> parser) {
        try {
            return code == null || code.isBlank() ? null : parser.apply(code.trim());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
