package dev.tandem.program.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.program.AgreementVersion;
import dev.tandem.program.Agreements;
import dev.tandem.program.ApplicationForms;
import dev.tandem.program.ApplicationQuestion;
import dev.tandem.program.AttributionModel;
import dev.tandem.program.FitCriterion;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.ProgramType;
import dev.tandem.program.Programs;
import dev.tandem.program.TrackingSettings;
import dev.tandem.program.QuestionId;
import dev.tandem.program.Tier;
import dev.tandem.program.TierId;
import dev.tandem.workspace.ApiKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Programs, tiers, agreements and the application form through the API (see API.md). */
@RestController
@Tag(name = "Programs")
class ProgramApiController {

    private final Programs programs;
    private final Agreements agreements;
    private final ApplicationForms forms;

    ProgramApiController(Programs programs, Agreements agreements, ApplicationForms forms) {
        this.programs = programs;
        this.agreements = agreements;
        this.forms = forms;
    }

    /** {@code lifetimeBinding}: whether a customer, once attributed and bought, stays with the partner for life. */
    record Attribution(String model, Integer windowDays, Boolean lifetimeBinding) {
    }

    record ProgramBody(String name, String type, String description, String currency, Attribution attribution,
            String defaultDestination, List<String> allowedHosts, String commissionSummary, String slug,
            String fallbackDestination) {
    }

    record TierView(String id, String name, boolean isDefault, String goals, String perks) {
        static TierView of(Tier t) {
            return new TierView(t.id().toString(), t.name(), t.isDefault(), t.goals(), t.perks());
        }
    }

    record ProgramView(String id, String name, String type, String slug, String description, String currency,
            Attribution attribution, String defaultDestination, List<String> allowedHosts, String commissionSummary,
            String applicationUrl, boolean archived, Instant createdAt, List<TierView> tiers,
            String fallbackDestination) {
    }

    record TierBody(String name, String goals, String perks) {
    }

    record AgreementBody(String tierId, String title, String body) {
    }

    record AgreementView(String id, String tierId, int version, String title, String body, String textSha256,
            Instant publishedAt) {
        static AgreementView of(AgreementVersion v) {
            return new AgreementView(v.id().toString(), v.tierId() == null ? null : v.tierId().toString(), v.version(),
                    v.title(), v.bodyMarkdown(), v.textHash(), v.publishedAt());
        }
    }

    record QuestionBody(String label, String kind, List<String> options, Boolean required) {
    }

    record QuestionView(String id, String label, String kind, List<String> options, boolean required) {
        static QuestionView of(ApplicationQuestion q) {
            return new QuestionView(q.id().toString(), q.label(), q.kind().code(), q.options(), q.required());
        }
    }

    record CriterionBody(String attribute, String questionId, List<String> expectedValues, Integer weight) {
    }

    record CriterionView(String id, String attribute, String questionId, List<String> expectedValues, int weight) {
        static CriterionView of(FitCriterion c) {
            return new CriterionView(c.id().toString(), c.attribute().code(),
                    c.questionId() == null ? null : c.questionId().toString(), c.expectedValues(), c.weight());
        }
    }

    @PostMapping("/api/v1/programs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a program (with a default tier)")
    ProgramView create(@AuthenticationPrincipal ApiKeyPrincipal key, @RequestBody ProgramBody body) {
        Attribution a = body.attribution();
        Program program = programs.create(key.workspaceId(), key.asActor(), settings(body, true),
                body.fallbackDestination(), a == null || a.lifetimeBinding() == null || a.lifetimeBinding());
        return view(program);
    }

    @GetMapping("/api/v1/programs")
    @Operation(summary = "List the workspace's programs, oldest first, paged with limit and starting_after")
    Page<ProgramView> list(@AuthenticationPrincipal ApiKeyPrincipal key, @RequestParam(required = false) Integer limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter) {
        PageRequest page = PageRequest.of(limit, startingAfter, ProgramId.PREFIX);
        // a workspace runs a handful of programs: paging in memory, by id (UUIDv7, so creation order), is enough
        String after = page.startingAfter() == null ? "" : page.startingAfter().toString();
        List<Program> next = programs.list(key.workspaceId()).stream()
                .sorted(Comparator.comparing((Program p) -> p.id().value().toString()))
                .filter(p -> p.id().value().toString().compareTo(after) > 0)
                .limit(page.fetchSize())
                .toList();
        boolean more = next.size() > page.limit();
        return new Page<>(next.stream().limit(page.limit()).map(this::view).toList(), more);
    }

    @GetMapping("/api/v1/programs/{programId}")
    @Operation(summary = "A program with its tiers")
    ProgramView get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId) {
        return view(programs.get(key.workspaceId(), ProgramId.parse(programId)));
    }

    @PatchMapping("/api/v1/programs/{programId}")
    @Operation(summary = "Change a program's name, description, destination, hosts, attribution or proposal")
    ProgramView update(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId,
            @RequestBody ProgramBody body) {
        ProgramId id = ProgramId.parse(programId);
        Program current = programs.get(key.workspaceId(), id);
        ProgramBody merged = new ProgramBody(or(body.name(), current.name()), null,
                or(body.description(), current.description()), null,
                new Attribution(body.attribution() == null || body.attribution().model() == null
                        ? current.attributionModel().code() : body.attribution().model(),
                        body.attribution() == null || body.attribution().windowDays() == null
                                ? current.attributionWindowDays() : body.attribution().windowDays(), null),
                or(body.defaultDestination(), current.defaultDestination().toString()),
                body.allowedHosts() == null ? current.allowedHosts() : body.allowedHosts(),
                or(body.commissionSummary(), current.commissionSummary()), null, null);
        Boolean lifetime = body.attribution() == null ? null : body.attribution().lifetimeBinding();
        return view(programs.update(key.workspaceId(), key.asActor(), id, settings(merged, false),
                body.fallbackDestination(), lifetime));
    }

    @PostMapping("/api/v1/programs/{programId}/tiers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a tier to a program")
    TierView addTier(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId,
            @RequestBody TierBody body) {
        return TierView.of(programs.addTier(key.workspaceId(), key.asActor(), ProgramId.parse(programId), body.name(),
                body.goals(), body.perks()));
    }

    @PostMapping("/api/v1/programs/{programId}/agreements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a new version of the program's agreement (or of a tier's own, with tierId)")
    AgreementView publish(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId,
            @RequestBody AgreementBody body) {
        TierId tier = body.tierId() == null || body.tierId().isBlank() ? null : TierId.parse(body.tierId());
        return AgreementView.of(agreements.publish(key.workspaceId(), key.asActor(), ProgramId.parse(programId), tier,
                body.title(), body.body()));
    }

    @GetMapping("/api/v1/programs/{programId}/agreements")
    @Operation(summary = "Every published agreement version of a program, newest first per tier")
    Page<AgreementView> agreements(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId) {
        ProgramId id = ProgramId.parse(programId);
        programs.get(key.workspaceId(), id);
        return new Page<>(agreements.history(key.workspaceId(), id).stream().map(AgreementView::of).toList(), false);
    }

    @PostMapping("/api/v1/programs/{programId}/questions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a custom question to the application form")
    QuestionView addQuestion(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId,
            @RequestBody QuestionBody body) {
        ApplicationQuestion.Kind kind = parse(body.kind(), "kind", ApplicationQuestion.Kind::fromCode);
        return QuestionView.of(forms.addQuestion(key.workspaceId(), key.asActor(), ProgramId.parse(programId),
                body.label(), kind, body.options() == null ? List.of() : body.options(),
                Boolean.TRUE.equals(body.required())));
    }

    @GetMapping("/api/v1/programs/{programId}/questions")
    @Operation(summary = "The application form's custom questions")
    Page<QuestionView> questions(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId) {
        ProgramId id = ProgramId.parse(programId);
        programs.get(key.workspaceId(), id);
        return new Page<>(forms.questions(key.workspaceId(), id).stream().map(QuestionView::of).toList(), false);
    }

    @PostMapping("/api/v1/programs/{programId}/fit-criteria")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a weighted criterion to the ideal partner profile")
    CriterionView addCriterion(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId,
            @RequestBody CriterionBody body) {
        FitCriterion.Attribute attribute = parse(body.attribute(), "attribute", FitCriterion.Attribute::fromCode);
        QuestionId question = body.questionId() == null ? null : QuestionId.parse(body.questionId());
        return CriterionView.of(forms.addCriterion(key.workspaceId(), key.asActor(), ProgramId.parse(programId),
                attribute, question, body.expectedValues() == null ? List.of() : body.expectedValues(),
                body.weight() == null ? 0 : body.weight()));
    }

    @GetMapping("/api/v1/programs/{programId}/fit-criteria")
    @Operation(summary = "The ideal partner profile's criteria")
    Page<CriterionView> criteria(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String programId) {
        ProgramId id = ProgramId.parse(programId);
        programs.get(key.workspaceId(), id);
        return new Page<>(forms.criteria(key.workspaceId(), id).stream().map(CriterionView::of).toList(), false);
    }

    private ProgramView view(Program p) {
        TrackingSettings tracking = p.tracking();
        return new ProgramView(p.id().toString(), p.name(), p.type().code(), p.slug(), p.description(),
                p.currency().getCurrencyCode(), new Attribution(p.attributionModel().code(), p.attributionWindowDays(),
                        tracking.lifetimeBinding()),
                p.defaultDestination().toString(), p.allowedHosts(), p.commissionSummary(), "/p/" + p.slug(),
                !p.active(), p.createdAt(),
                programs.tiers(p.workspaceId(), p.id()).stream().map(TierView::of).toList(),
                tracking.fallbackDestination() == null ? null : tracking.fallbackDestination().toString());
    }

    private static Programs.Settings settings(ProgramBody body, boolean creating) {
        ProgramType type = creating ? parse(body.type(), "type", ProgramType::fromCode) : null;
        if (creating && type == null) {
            throw InvalidInputException.of("type", "validation.required", "must be one of referral, affiliate, reseller, influencer");
        }
        Attribution attribution = body.attribution();
        AttributionModel model = attribution == null ? null : parse(attribution.model(), "attribution.model", AttributionModel::fromCode);
        return new Programs.Settings(body.name(), type, body.description(), body.currency(), body.defaultDestination(),
                body.allowedHosts(), model, attribution == null ? null : attribution.windowDays(),
                body.commissionSummary(), body.slug());
    }

    private static <T> T parse(String value, String field, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException unknown) {
            throw InvalidInputException.of(field, "validation.required", "'" + value + "' is not an accepted value");
        }
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
