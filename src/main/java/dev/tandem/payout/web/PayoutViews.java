package dev.tandem.payout.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.payout.HeldBalance;
import dev.tandem.payout.Payout;
import dev.tandem.payout.PayoutRun;
import dev.tandem.payout.PayoutRuns;
import dev.tandem.payout.PayoutSettings;

/** Runs, payouts and settings as the API shows them (API.md). */
final class PayoutViews {

    private PayoutViews() {
    }

    static Map<String, Object> run(PayoutRuns.RunResult r) {
        Map<String, Object> m = run(r.run());
        m.put("payouts", r.payouts().stream().map(PayoutViews::payout).toList());
        m.put("held", r.held().stream().map(PayoutViews::held).toList());
        return m;
    }

    static Map<String, Object> run(PayoutRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.id().toString());
        m.put("programId", run.programId().toString());
        m.put("currency", run.currency() == null ? null : run.currency().getCurrencyCode());
        m.put("cutoff", run.cutoff().toString());
        m.put("scheduled", run.scheduled());
        m.put("startedBy", run.startedBy());
        m.put("createdAt", run.createdAt().toString());
        return m;
    }

    static Map<String, Object> payout(Payout p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().toString());
        m.put("runId", p.runId().toString());
        m.put("programId", p.programId().toString());
        m.put("partnerId", p.partnerId().toString());
        m.put("amount", p.amount().amount());
        m.put("currency", p.amount().currency().getCurrencyCode());
        m.put("method", p.method().code());
        m.put("destination", p.destination());
        m.put("status", p.status().code());
        m.put("reference", p.reference());
        m.put("failureReason", p.failureReason());
        if (p.paid() != null) {
            m.put("conversion", Map.of("amount", p.paid().amount(), "currency", p.paid().currency().getCurrencyCode(),
                    "rate", p.rate().toPlainString(), "source", p.rateSource()));
        } else {
            m.put("conversion", null);
        }
        m.put("invoiceNumber", p.invoiceNumber());
        m.put("createdAt", p.createdAt().toString());
        m.put("updatedAt", p.updatedAt().toString());
        return m;
    }

    static Map<String, Object> held(HeldBalance h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partnerId", h.partnerId().toString());
        m.put("amount", h.amount().amount());
        m.put("currency", h.amount().currency().getCurrencyCode());
        m.put("reason", h.reason().code());
        m.put("detail", h.detail());
        return m;
    }

    static Map<String, Object> account(PayoutSettings.BusinessAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("iban", a.iban());
        m.put("bic", a.bic());
        m.put("address", a.address());
        m.put("country", a.country());
        m.put("vatId", a.vatId());
        m.put("stripeKey", a.stripeKeyHint().isEmpty() ? null : a.stripeKeyHint());
        return m;
    }

    static Map<String, Object> schedule(PayoutSettings.Schedule s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("frequency", s.frequency().code());
        m.put("day", s.day());
        m.put("cutoffDays", s.cutoffDays());
        m.put("requireApproval", s.requireApproval());
        m.put("nextRunAt", s.nextRunAt() == null ? null : s.nextRunAt().toString());
        Map<String, Long> mins = new LinkedHashMap<>();
        s.minimums().forEach((c, money) -> mins.put(c.getCurrencyCode(), money.amount()));
        m.put("minimums", mins);
        return m;
    }

    static Map<String, Object> billing(PayoutSettings.Billing b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("legalName", b.legalName());
        m.put("address", b.address());
        m.put("country", b.country());
        m.put("vatId", b.vatId());
        return m;
    }

    static List<Map<String, Object>> payouts(List<Payout> list) {
        return list.stream().map(PayoutViews::payout).toList();
    }
}
