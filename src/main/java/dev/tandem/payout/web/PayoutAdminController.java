package dev.tandem.payout.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import dev.tandem.core.ConflictException;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Language;
import dev.tandem.core.ListPage;
import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.partner.Partners;
import dev.tandem.payout.HeldBalance;
import dev.tandem.payout.Payout;
import dev.tandem.payout.PayoutFiles;
import dev.tandem.payout.PayoutId;
import dev.tandem.payout.PayoutMethod;
import dev.tandem.payout.PayoutRun;
import dev.tandem.payout.PayoutRunId;
import dev.tandem.payout.PayoutRuns;
import dev.tandem.payout.PayoutSender;
import dev.tandem.payout.PayoutSettings;
import dev.tandem.payout.PayoutStatements;
import dev.tandem.payout.PayoutStatus;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramId;
import dev.tandem.program.Programs;
import dev.tandem.workspace.StaffPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The payout pages of the admin console: runs, newest first, with a form to start one; a run with
 * its payouts, what it held back and why, the files for the bank or PayPal, and each payout's
 * actions (approve, send, paid, failed, cancel, pay in another currency) and PDFs.
 */
@Controller
class PayoutAdminController {

    private final PayoutRuns runs;
    private final PayoutSender sender;
    private final PayoutFiles files;
    private final PayoutStatements statements;
    private final Programs programs;
    private final Partners partners;
    private final PayoutPages pages;
    private final PayoutSettings settings;

    PayoutAdminController(PayoutRuns runs, PayoutSender sender, PayoutFiles files, PayoutStatements statements,
            Programs programs, Partners partners, PayoutPages pages, PayoutSettings settings) {
        this.settings = settings;
        this.runs = runs;
        this.sender = sender;
        this.files = files;
        this.statements = statements;
        this.programs = programs;
        this.partners = partners;
        this.pages = pages;
    }

    record RunRow(PayoutRun run, String programName) {
    }

    record PayoutRow(Payout payout, String partnerName) {
    }

    record HeldRow(HeldBalance held, String partnerName) {
    }

    @GetMapping("/admin/payouts")
    String list(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "dir", required = false) String dir,
            @RequestParam(name = "page", required = false) String pageNumber, Model model) {
        List<Program> all = programs.list(me.workspaceId());
        Map<ProgramId, String> names = new HashMap<>();
        all.forEach(p -> names.put(p.id(), p.name()));
        ListPage<PayoutRun> found = runs.sortedRuns(me.workspaceId(), PayoutRuns.SORTS.read(sort, dir, pageNumber));
        model.addAttribute("rows", found.rows().stream().map(r -> new RunRow(r, names.getOrDefault(r.programId(), "")))
                .toList());
        model.addAttribute("page", found);
        model.addAttribute("programs", all.stream().filter(p -> p.archivedAt() == null).toList());
        return "payout/admin/runs";
    }

    @PostMapping("/admin/payouts/runs")
    String start(@AuthenticationPrincipal StaffPrincipal me, @RequestParam String programId,
            @RequestParam(required = false) String currency, Locale locale, RedirectAttributes flash) {
        try {
            var c = currency == null || currency.isBlank() ? null : Money.currency(currency.trim())
                    .orElseThrow(() -> InvalidInputException.of("currency", "payout.error.currency",
                            "is not an ISO 4217 currency code"));
            PayoutRuns.RunResult run = runs.start(me.workspaceId(), me.asActor(), ProgramId.parse(programId), c, false);
            flash.addFlashAttribute("notice", "payout.run.started");
            return "redirect:/admin/payouts/runs/" + run.run().id();
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("refusal", pages.refusal(e, locale));
            return "redirect:/admin/payouts";
        }
    }

    @GetMapping("/admin/payouts/runs/{id}")
    String run(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, Model model) {
        PayoutRuns.RunResult result = runs.get(me.workspaceId(), PayoutRunId.parse(id));
        Map<PartnerId, String> names = new HashMap<>();
        model.addAttribute("run", result.run());
        model.addAttribute("programName", programs.get(me.workspaceId(), result.run().programId()).name());
        model.addAttribute("payouts", result.payouts().stream().map(p -> new PayoutRow(p, names.computeIfAbsent(
                p.partnerId(), pid -> partners.get(me.workspaceId(), pid).name()))).toList());
        model.addAttribute("held", result.held().stream().map(h -> new HeldRow(h, names.computeIfAbsent(h.partnerId(),
                pid -> partners.get(me.workspaceId(), pid).name()))).toList());
        model.addAttribute("drafts", result.payouts().stream().anyMatch(p -> p.status() == PayoutStatus.DRAFT));
        model.addAttribute("sendable", result.payouts().stream().anyMatch(p -> p.status() == PayoutStatus.APPROVED
                || p.status() == PayoutStatus.PROCESSING && p.method().paysByApi()));
        List<Payout> inFiles = result.payouts().stream().filter(p -> p.status() == PayoutStatus.APPROVED
                || p.status() == PayoutStatus.PROCESSING || p.status() == PayoutStatus.PAID).toList();
        model.addAttribute("sepaFile", inFiles.stream().anyMatch(p -> p.method() == PayoutMethod.SEPA));
        model.addAttribute("payPalCurrencies", inFiles.stream().filter(p -> p.method() == PayoutMethod.PAYPAL)
                .map(p -> p.sent().currency().getCurrencyCode()).distinct().sorted().toList());
        model.addAttribute("sheet", !inFiles.isEmpty());
        var account = settings.account(me.workspaceId());
        model.addAttribute("accountReady", account.canPaySepa() && !account.bic().isEmpty());
        return "payout/admin/run";
    }

    @PostMapping("/admin/payouts/runs/{id}/approve")
    String approveRun(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, Locale locale,
            RedirectAttributes flash) {
        PayoutRunId run = PayoutRunId.parse(id);
        return act(run, flash, locale, "payout.run.approved",
                () -> runs.approveRun(me.workspaceId(), me.asActor(), run));
    }

    @PostMapping("/admin/payouts/runs/{id}/send")
    String send(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, Locale locale,
            RedirectAttributes flash) {
        PayoutRunId run = PayoutRunId.parse(id);
        try {
            PayoutSender.Sent sent = sender.send(me.workspaceId(), me.asActor(), run);
            flash.addFlashAttribute("notice", "payout.run.sent");
            List<String> problems = new java.util.ArrayList<>();
            sent.skipped().forEach(e -> problems.add(pages.refusal(e, locale)));
            if (!sent.retry().isEmpty()) {
                problems.add(pages.message("payout.run.waiting", locale, sent.retry().size()));
            }
            if (!problems.isEmpty()) {
                flash.addFlashAttribute("refusal", String.join(" ", problems));
            }
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("refusal", pages.refusal(e, locale));
        }
        return "redirect:/admin/payouts/runs/" + run;
    }

    @PostMapping("/admin/payouts/{id}/{action}")
    String payout(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id, @PathVariable String action,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String reference,
            @RequestParam(required = false) String currency, @RequestParam(required = false) String rate,
            @RequestParam(required = false) String source, Locale locale, RedirectAttributes flash) {
        PayoutId pid = PayoutId.parse(id);
        Payout p = runs.payout(me.workspaceId(), pid);
        var ws = me.workspaceId();
        var by = me.asActor();
        Supplier<Object> todo = switch (action) {
            case "approve" -> () -> runs.approve(ws, by, List.of(pid));
            case "mark-paid" -> () -> runs.markPaid(ws, by, pid, reference);
            case "mark-failed" -> () -> runs.markFailed(ws, by, pid, reason);
            case "cancel" -> () -> runs.cancel(ws, by, pid, reason);
            case "conversion" -> () -> runs.convert(ws, by, pid, currency, rate(rate), source);
            default -> throw new dev.tandem.core.NotFoundException("no payout action " + action);
        };
        return act(p.runId(), flash, locale, "payout.done." + action, todo);
    }

    @GetMapping("/admin/payouts/runs/{id}/files/{kind}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
            @PathVariable String kind, @RequestParam(required = false) String currency) {
        PayoutRunId run = PayoutRunId.parse(id);
        return switch (kind) {
            case "sepa" -> PayoutPages.download(bytes(files.sepa(me.workspaceId(), run)), MediaType.APPLICATION_XML,
                    run + "-sepa.xml");
            case "paypal" -> PayoutPages.download(bytes(files.payPalCsv(me.workspaceId(), run, Money.currency(
                    currency == null ? "" : currency).orElseThrow(() -> new dev.tandem.core.NotFoundException(
                    "no currency " + currency)))), MediaType.parseMediaType("text/csv"), run + "-paypal-" + currency + ".csv");
            case "manual" -> PayoutPages.download(bytes(files.manualCsv(me.workspaceId(), run)),
                    MediaType.parseMediaType("text/csv"), run + "-payouts.csv");
            default -> throw new dev.tandem.core.NotFoundException("no payout file " + kind);
        };
    }

    @GetMapping("/admin/payouts/runs/{id}/statements.zip")
    ResponseEntity<byte[]> statements(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
            Locale locale) {
        PayoutRunId run = PayoutRunId.parse(id);
        return PayoutPages.download(statements.runArchive(me.workspaceId(), run, reader(locale)),
                MediaType.parseMediaType("application/zip"), run + "-statements.zip");
    }

    @GetMapping("/admin/payouts/{id}/statement.pdf")
    ResponseEntity<byte[]> statement(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
            Locale locale) {
        PayoutId pid = PayoutId.parse(id);
        return PayoutPages.download(statements.statement(me.workspaceId(), pid, reader(locale)),
                MediaType.APPLICATION_PDF, pid + "-statement.pdf");
    }

    @GetMapping("/admin/payouts/{id}/invoice.pdf")
    ResponseEntity<byte[]> invoice(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String id,
            Locale locale) {
        PayoutId pid = PayoutId.parse(id);
        byte[] pdf = statements.invoice(me.workspaceId(), pid, reader(locale))
                .orElseThrow(() -> new dev.tandem.core.NotFoundException("payout " + pid + " has no invoice"));
        return PayoutPages.download(pdf, MediaType.APPLICATION_PDF, pid + "-invoice.pdf");
    }

    private String act(PayoutRunId run, RedirectAttributes flash, Locale locale, String done, Supplier<Object> action) {
        try {
            action.get();
            flash.addFlashAttribute("notice", done);
        } catch (InvalidInputException | ConflictException e) {
            flash.addFlashAttribute("refusal", pages.refusal(e, locale));
        }
        return "redirect:/admin/payouts/runs/" + run;
    }

    // the language the page is read in (the staff member's choice, else the browser's)
    private static Language reader(Locale locale) {
        return Language.fromTag(locale.toLanguageTag()).orElse(Language.EN);
    }

    private static BigDecimal rate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("rate", "payout.error.rate", "must be a positive number");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
