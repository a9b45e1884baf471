package dev.tandem.commission.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.tandem.commission.Commission;
import dev.tandem.commission.Commissions;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Money;
import dev.tandem.core.NotFoundException;
import dev.tandem.core.Page;
import dev.tandem.core.PageRequest;
import dev.tandem.partner.Partner;
import dev.tandem.partner.PartnerDirectory;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.TierId;
import dev.tandem.program.Programs;
import dev.tandem.workspace.StaffPrincipal;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the staff commission pages look up besides the commissions: partner and program names for
 * the rows, the partner filter (an id, or words to find one by name or email), and the adjustment
 * form's reading of an amount in the program's currency.
 */
@Component
class CommissionPages {

    /** Partners looked through when the filter is words: the newest this many. */
    static final int SEARCHED = 1000;

    private final Commissions commissions;
    private final Partners partners;
    private final PartnerDirectory directory;
    private final Programs programs;
    private final MessageSource messages;

    CommissionPages(Commissions commissions, Partners partners, PartnerDirectory directory, Programs programs,
            MessageSource messages) {
        this.commissions = commissions;
        this.partners = partners;
        this.directory = directory;
        this.programs = programs;
        this.messages = messages;
    }

    /** One row of the list. */
    record Row(Commission commission, String partnerName, String programName) {
    }

    /**
     * The partner filter: the partner found ({@code id}), or why none is used: several match (the
     * {@code matches} to choose from) or none does. {@code unresolved} is the message key then.
     */
    record PartnerChoice(PartnerId id, String name, List<Partner> matches, String unresolved) {
    }

    record AdjustResult(Commission commission, Map<String, String> errors) {
    }

    PartnerChoice partner(WorkspaceId workspace, String typed) {
        if (typed == null || typed.isBlank()) {
            return new PartnerChoice(null, null, List.of(), null);
        }
        String text = typed.trim();
        if (text.startsWith(PartnerId.PREFIX + "_")) {
            PartnerId id = lenient(text, PartnerId::parse);
            try {
                if (id != null) {
                    return new PartnerChoice(id, partners.get(workspace, id).name(), List.of(), null);
                }
            } catch (NotFoundException unknown) {
                // said below
            }
            return new PartnerChoice(null, null, List.of(), "commission.filter.partner.none");
        }
        String needle = text.toLowerCase(Locale.ROOT);
        List<Partner> matches = new ArrayList<>();
        PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, null);
        for (int seen = 0; seen < SEARCHED; seen += PageRequest.MAX_LIMIT) {
            Page<PartnerDirectory.Listed> found = directory.list(workspace, null, null, page);
            found.data().stream().map(PartnerDirectory.Listed::partner)
                    .filter(p -> p.name().toLowerCase(Locale.ROOT).contains(needle)
                            || p.email().toLowerCase(Locale.ROOT).contains(needle)
                            || (p.company() != null && p.company().toLowerCase(Locale.ROOT).contains(needle)))
                    .forEach(matches::add);
            if (!found.hasMore()) {
                break;
            }
            page = new PageRequest(PageRequest.MAX_LIMIT, found.data().get(found.data().size() - 1).partner().id().value());
        }
        if (matches.size() == 1) {
            return new PartnerChoice(matches.get(0).id(), matches.get(0).name(), List.of(), null);
        }
        return new PartnerChoice(null, null, matches.stream().limit(20).toList(),
                matches.isEmpty() ? "commission.filter.partner.none" : "commission.filter.partner.several");
    }

    List<Row> rows(WorkspaceId workspace, List<Commission> list) {
        Map<PartnerId, String> partnerNames = new HashMap<>();
        Map<ProgramId, String> programNames = new HashMap<>();
        return list.stream().map(c -> new Row(c,
                partnerNames.computeIfAbsent(c.partnerId(), id -> partnerName(workspace, id)),
                programNames.computeIfAbsent(c.programId(), id -> programName(workspace, id)))).toList();
    }

    String partnerName(WorkspaceId workspace, PartnerId id) {
        return partners.get(workspace, id).name();
    }

    String programName(WorkspaceId workspace, ProgramId id) {
        return programs.get(workspace, id).name();
    }

    /** A tier to filter by, named with its program ("Ambassadors · Gold"). */
    record TierChoice(TierId id, String label) {
    }

    List<TierChoice> tiers(WorkspaceId workspace) {
        List<TierChoice> choices = new java.util.ArrayList<>();
        for (Program p : programs(workspace)) {
            programs.tiers(workspace, p.id()).forEach(t -> choices.add(new TierChoice(t.id(), p.name() + " · " + t.name())));
        }
        return choices;
    }

    List<Program> programs(WorkspaceId workspace) {
        return programs.list(workspace);
    }

    /** The newest partners for the adjustment form, and the chosen one even when older. */
    List<Partner> partnerOptions(WorkspaceId workspace, PartnerId chosen) {
        List<Partner> options = new ArrayList<>(directory.list(workspace, null, null,
                new PageRequest(PageRequest.MAX_LIMIT, null)).data().stream().map(PartnerDirectory.Listed::partner).toList());
        if (chosen != null && options.stream().noneMatch(p -> p.id().equals(chosen))) {
            options.add(partners.get(workspace, chosen));
        }
        return options;
    }

    /**
     * Reads the form and makes the adjustment; every problem is named by its field, in the reader's
     * language, and then nothing is stored.
     */
    AdjustResult adjust(StaffPrincipal me, CommissionAdminController.Adjustment form, Locale locale) {
        WorkspaceId workspace = me.workspaceId();
        Map<String, String> errors = new LinkedHashMap<>();
        Program program = null;
        ProgramId programId = lenient(form.programId(), ProgramId::parse);
        if (programId != null) {
            try {
                program = programs.get(workspace, programId);
            } catch (NotFoundException unknown) {
                programId = null;
            }
        }
        if (program == null) {
            errors.put("programId", text("commission.adjust.error.program", locale));
        }
        PartnerId partner = lenient(form.partnerId(), PartnerId::parse);
        if (partner == null) {
            errors.put("partnerId", text("commission.adjust.error.partner", locale));
        }
        Long minor = null;
        if (form.amount().isBlank()) {
            errors.put("amount", text("validation.required", locale));
        } else if (program != null) {
            try {
                minor = Money.ofMajor(major(form.amount()), program.currency()).amount();
            } catch (IllegalArgumentException | ArithmeticException e) {
                errors.put("amount", messages.getMessage("commission.adjust.error.amountFormat",
                        new Object[] {program.currency().getCurrencyCode()}, locale));
            }
        }
        if (form.reason().isBlank()) {
            errors.put("reason", text("validation.required", locale));
        }
        if (program == null || partner == null) {
            return new AdjustResult(null, errors);
        }
        try {
            // with an amount the form could not read, the service still names the other problems
            Commission made = commissions.adjust(workspace, me.asActor(), programId, partner,
                    errors.containsKey("amount") ? null : minor, null, form.reason());
            return new AdjustResult(made, errors);
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.problems()) {
                errors.putIfAbsent(p.field(), messages.getMessage(p.code() == null ? "validation.invalid" : p.code(),
                        null, p.message(), locale));
            }
            return new AdjustResult(null, errors);
        }
    }

    /** {@code -12.50}, {@code 12,50}, {@code 1 000}: what people type for an amount. */
    private static BigDecimal major(String typed) {
        String text = typed.replace(" ", "").replace("\u00a0", "");
        if (text.indexOf(',') >= 0 && text.indexOf('.') < 0) {
            text = text.replace(',', '.');
        }
        return new BigDecimal(text);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** An id from a form or a filter; blank or malformed is none. */
    static <T> T lenient(String value, Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.trim());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
