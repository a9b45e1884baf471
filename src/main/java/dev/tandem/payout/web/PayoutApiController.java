package dev.tandem.payout.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.commission.CommissionViews;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.InvalidRequestParameterException;
import dev.tandem.core.Money;
import dev.tandem.core.Page;
import dev.tandem.partner.PartnerId;
import dev.tandem.payout.PayoutFiles;
import dev.tandem.payout.PayoutId;
import dev.tandem.payout.PayoutRunId;
import dev.tandem.payout.PayoutRuns;
import dev.tandem.payout.PayoutSender;
import dev.tandem.payout.PayoutSettings;
import dev.tandem.program.ProgramId;
import dev.tandem.workspace.ApiKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Payout runs, payouts, their files and the settings they need, through the API (API.md). */
@RestController
@Tag(name = "Payouts")
class PayoutApiController {

    private final PayoutRuns runs;
    private final PayoutSender sender;
    private final PayoutFiles files;
    private final PayoutSettings settings;

    PayoutApiController(PayoutRuns runs, PayoutSender sender, PayoutFiles files, PayoutSettings settings) {
        this.runs = runs;
        this.sender = sender;
        this.files = files;
        this.settings = settings;
    }

    record RunBody(String programId, String currency) {
    }

    record AccountBody(String name, String iban, String bic, String address, String country, String vatId) {
    }

    record StripeKeyBody(String stripeKey) {
    }

    record ScheduleBody(String frequency, Integer day, Integer cutoffDays, Boolean requireApproval,
            Map<String, Long> minimums) {
    }

    record BillingBody(String legalName, String address, String country, String vatId) {
    }

    record ReasonBody(String reason, String reference) {
    }

    record ConversionBody(String currency, BigDecimal rate, String source) {
    }

    @PostMapping("/api/v1/payout-runs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Gather a program's approved commissions into payouts, one per partner and currency;"
            + " partners below the minimum or who cannot be paid are listed under held with the reason")
    Map<String, Object> start(@AuthenticationPrincipal ApiKeyPrincipal key, @RequestBody RunBody body) {
        if (body == null || body.programId() == null || body.programId().isBlank()) {
            throw new InvalidInputException("programId", "is required");
        }
        var currency = body.currency() == null || body.currency().isBlank() ? null
                : Money.currency(body.currency().trim()).orElseThrow(() -> new InvalidInputException("currency",
                        "is not an ISO 4217 currency code"));
        return PayoutViews.run(runs.start(key.workspaceId(), key.asActor(), ProgramId.parse(body.programId().trim()),
                currency, false));
    }

    @GetMapping("/api/v1/payout-runs")
    @Operation(summary = "Payout runs, newest first; filter by programId")
    Page<Map<String, Object>> list(@AuthenticationPrincipal ApiKeyPrincipal key,
            @RequestParam(required = false) String programId, @RequestParam(required = false) Integer limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter) {
        int n = limit == null ? 20 : limit;
        if (n < 1 || n > 100) {
            throw new InvalidRequestParameterException("limit", "must be from 1 to 100");
        }
        var found = runs.runs(key.workspaceId(), programId == null || programId.isBlank() ? null
                : ProgramId.parse(programId.trim()), startingAfter == null || startingAfter.isBlank() ? null
                : PayoutRunId.parse(startingAfter.trim()), n + 1);
        return new Page<>(found.stream().limit(n).map(PayoutViews::run).toList(), found.size() > n);
    }

    @GetMapping("/api/v1/payout-runs/{id}")
    @Operation(summary = "A run with its payouts and the balances it held back")
    Map<String, Object> get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return PayoutViews.run(runs.get(key.workspaceId(), PayoutRunId.parse(id)));
    }

    @PostMapping("/api/v1/payout-runs/{id}/approve")
    @Operation(summary = "Approve every draft payout of the run")
    Map<String, Object> approveRun(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        PayoutRunId run = PayoutRunId.parse(id);
        runs.approveRun(key.workspaceId(), key.asActor(), run);
        return PayoutViews.run(runs.get(key.workspaceId(), run));
    }

    @PostMapping("/api/v1/payout-runs/{id}/send")
    @Operation(summary = "Send every approved payout: Stripe transfers are paid at once, file rails wait in processing"
            + " until marked paid or failed")
    Map<String, Object> send(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        PayoutSender.Sent sent = sender.send(key.workspaceId(), key.asActor(), PayoutRunId.parse(id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processing", PayoutViews.payouts(sent.processing()));
        m.put("paid", PayoutViews.payouts(sent.paid()));
        m.put("failed", PayoutViews.payouts(sent.failed()));
        m.put("retry", PayoutViews.payouts(sent.retry()));
        return m;
    }

    @GetMapping("/api/v1/payout-runs/{id}/files/sepa")
    @Operation(summary = "The run's SEPA payouts as an ISO 20022 pain.001.001.09 file for the bank")
    ResponseEntity<String> sepa(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return file(files.sepa(key.workspaceId(), PayoutRunId.parse(id)), MediaType.APPLICATION_XML, id + "-sepa.xml");
    }

    @GetMapping("/api/v1/payout-runs/{id}/files/paypal")
    @Operation(summary = "The run's PayPal payouts in one currency as PayPal's batch upload file")
    ResponseEntity<String> payPal(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestParam String currency) {
        var c = Money.currency(currency.trim()).orElseThrow(() -> new InvalidRequestParameterException("currency",
                "is not an ISO 4217 currency code"));
        return file(files.payPalCsv(key.workspaceId(), PayoutRunId.parse(id), c), MediaType.parseMediaType("text/csv"),
                id + "-paypal-" + c.getCurrencyCode() + ".csv");
    }

    @GetMapping("/api/v1/payout-runs/{id}/files/paypal-request")
    @Operation(summary = "The run's PayPal payouts as the body of PayPal's POST /v1/payments/payouts")
    ResponseEntity<String> payPalRequest(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(files.payPalRequest(key.workspaceId(), PayoutRunId.parse(id)));
    }

    @GetMapping("/api/v1/payout-runs/{id}/files/manual")
    @Operation(summary = "Every payout of the run that is approved or on its way, as a sheet for any bank or tool")
    ResponseEntity<String> manual(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return file(files.manualCsv(key.workspaceId(), PayoutRunId.parse(id)), MediaType.parseMediaType("text/csv"),
                id + "-payouts.csv");
    }

    @GetMapping("/api/v1/payouts")
    @Operation(summary = "A partner's payouts, newest first")
    Page<Map<String, Object>> payouts(@AuthenticationPrincipal ApiKeyPrincipal key, @RequestParam String partnerId) {
        return new Page<>(PayoutViews.payouts(runs.ofPartner(key.workspaceId(), PartnerId.parse(partnerId.trim()), 100)),
                false);
    }

    @GetMapping("/api/v1/payouts/{id}")
    @Operation(summary = "A payout with its commissions and status history")
    Map<String, Object> payout(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        PayoutId pid = PayoutId.parse(id);
        Map<String, Object> m = PayoutViews.payout(runs.payout(key.workspaceId(), pid));
        m.put("commissions", runs.commissionsOf(key.workspaceId(), pid).stream().map(CommissionViews::view).toList());
        m.put("history", runs.history(key.workspaceId(), pid).stream().map(h -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("from", h.from() == null ? null : h.from().code());
            line.put("to", h.to().code());
            line.put("reason", h.reason());
            line.put("by", h.actorName());
            line.put("at", h.at().toString());
            return line;
        }).toList());
        return m;
    }

    @PostMapping("/api/v1/payouts/{id}/approve")
    @Operation(summary = "Approve a draft payout")
    Map<String, Object> approve(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return PayoutViews.payout(runs.approve(key.workspaceId(), key.asActor(), List.of(PayoutId.parse(id))).get(0));
    }

    @PostMapping("/api/v1/payouts/{id}/mark-paid")
    @Operation(summary = "Record that the money arrived (reference: the bank's or rail's)")
    Map<String, Object> markPaid(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody(required = false) ReasonBody body) {
        return PayoutViews.payout(runs.markPaid(key.workspaceId(), key.asActor(), PayoutId.parse(id),
                body == null ? null : body.reference()));
    }

    @PostMapping("/api/v1/payouts/{id}/mark-failed")
    @Operation(summary = "Record that the rail could not pay (reason required): the commissions are payable again")
    Map<String, Object> markFailed(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody(required = false) ReasonBody body) {
        return PayoutViews.payout(runs.markFailed(key.workspaceId(), key.asActor(), PayoutId.parse(id),
                body == null ? null : body.reason()));
    }

    @PostMapping("/api/v1/payouts/{id}/cancel")
    @Operation(summary = "Cancel a payout not yet sent: its commissions are payable again")
    Map<String, Object> cancel(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody(required = false) ReasonBody body) {
        return PayoutViews.payout(runs.cancel(key.workspaceId(), key.asActor(), PayoutId.parse(id),
                body == null ? null : body.reason()));
    }

    @PutMapping("/api/v1/payouts/{id}/conversion")
    @Operation(summary = "Pay a draft or approved payout in another currency at a rate you give (with its source);"
            + " an empty currency removes it")
    Map<String, Object> convert(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody ConversionBody body) {
        return PayoutViews.payout(runs.convert(key.workspaceId(), key.asActor(), PayoutId.parse(id), body.currency(),
                body.rate(), body.source()));
    }

    @GetMapping("/api/v1/workspace/payout-account")
    @Operation(summary = "The business's own account that pays SEPA transfers, and its invoicing details")
    Map<String, Object> account(@AuthenticationPrincipal ApiKeyPrincipal key) {
        return PayoutViews.account(settings.account(key.workspaceId()));
    }

    @PutMapping("/api/v1/workspace/payout-account")
    @Operation(summary = "Set the business's payout account: name, iban, bic; address, country and vatId for invoices")
    Map<String, Object> saveAccount(@AuthenticationPrincipal ApiKeyPrincipal key, @RequestBody AccountBody body) {
        return PayoutViews.account(settings.saveAccount(key.workspaceId(), key.asActor(),
                new PayoutSettings.BusinessAccount(body.name(), body.iban(), body.bic(), body.address(), body.country(),
                        body.vatId(), "")));
    }

    @PutMapping("/api/v1/workspace/payout-account/stripe-key")
    @Operation(summary = "Set the Stripe secret key Connect transfers are made with (stored encrypted)")
    Map<String, Object> stripeKey(@AuthenticationPrincipal ApiKeyPrincipal key, @RequestBody StripeKeyBody body) {
        return PayoutViews.account(settings.saveStripeKey(key.workspaceId(), key.asActor(),
                body == null ? null : body.stripeKey()));
    }

    @GetMapping("/api/v1/programs/{id}/payout-schedule")
    @Operation(summary = "When and how the program pays: frequency, day, cut-off, approval, minimums per currency")
    Map<String, Object> schedule(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return PayoutViews.schedule(settings.schedule(key.workspaceId(), ProgramId.parse(id)));
    }

    @PutMapping("/api/v1/programs/{id}/payout-schedule")
    @Operation(summary = "Set the program's payout schedule (frequency manual | weekly | twice_monthly | monthly)")
    Map<String, Object> saveSchedule(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody ScheduleBody body) {
        return PayoutViews.schedule(settings.saveSchedule(key.workspaceId(), key.asActor(), ProgramId.parse(id),
                body.frequency(), body.day(), body.cutoffDays(), body.requireApproval(), body.minimums()));
    }

    @GetMapping("/api/v1/partners/{id}/billing")
    @Operation(summary = "What self-billing invoices say of the partner")
    Map<String, Object> billing(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return settings.billing(key.workspaceId(), PartnerId.parse(id)).map(PayoutViews::billing)
                .orElseThrow(() -> new dev.tandem.core.NotFoundException("partner " + id + " has no billing details"));
    }

    @PutMapping("/api/v1/partners/{id}/billing")
    @Operation(summary = "Set the partner's billing details: legalName, address, country, vatId (EU businesses get"
            + " self-billing invoices)")
    Map<String, Object> saveBilling(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody BillingBody body) {
        return PayoutViews.billing(settings.saveBilling(key.workspaceId(), key.asActor(), PartnerId.parse(id),
                new PayoutSettings.Billing(body.legalName(), body.address(), body.country(), body.vatId())));
    }

    private static ResponseEntity<String> file(String body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").body(body);
    }
}
