package dev.tandem.payout;

import java.time.Duration;

import dev.tandem.commission.CommissionTestBase;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole month of payouts on a fixed clock, through the API as a business uses it: commissions
 * approved, a run with partners held back for their reasons, a SEPA file the bank accepts, one
 * payout failing at the bank, a refund after sending carried forward as a clawback, the next run,
 * and the books balanced at the end.
 */
class PayoutScenarioTest extends CommissionTestBase {

    static final String ANA_IBAN = "ES9121000418450200051332";

    @Test
    void aMonthOfPayouts() throws Exception {
        start("Payout month");
        ProgramFixtures.Member ana = programs.approvedPartner(setup, "Ana Sepa");
        ProgramFixtures.Member bo = programs.approvedPartner(setup, "Bo Manual");
        ProgramFixtures.Member cy = programs.approvedPartner(setup, "Cy Nodetails");
        ProgramFixtures.Member di = programs.approvedPartner(setup, "Di Small");
        payoutMethod(ana, "{\"type\": \"sepa\", \"holderName\": \"Ana Sepa\", \"iban\": \"" + ANA_IBAN
                + "\", \"bic\": \"CAIXESBBXXX\"}");
        payoutMethod(bo, "{\"type\": \"manual\"}");
        payoutMethod(di, "{\"type\": \"paypal\", \"email\": \"di@partners.test\"}");
        ok(api.put("/api/v1/workspace/payout-account", """
                {"name": "Acme Software GmbH", "iban": "DE89 3704 0044 0532 0130 00", "bic": "COBADEFFXXX",
                 "address": "Hauptstr. 1, Berlin", "country": "DE", "vatId": "DE123456789"}"""));
        JsonNode schedule = ok(api.put("/api/v1/programs/" + setup.program().id() + "/payout-schedule", """
                {"frequency": "monthly", "day": 1, "requireApproval": true, "minimums": {"EUR": 2000}}"""));
        assertThat(schedule.get("nextRunAt").asString()).isEqualTo("2026-02-01T06:00:00Z");
        plan(setup.program(), """
                {"holdDays": 14, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);

        JsonNode anaSale = sale(ana, "cus_a", 100_000, days(1));
        sale(bo, "cus_b", 50_000, days(1));
        sale(cy, "cus_c", 30_000, days(2));
        sale(di, "cus_d", 10_000, days(2));
        ApiClient.Answer early = api.post("/api/v1/payout-runs", "{\"programId\": \"" + setup.program().id() + "\"}");
        assertThat(early.status()).as("nothing is payable inside the hold period").isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("nothing to pay");

        later(Duration.ofDays(16));
        JsonNode run = run(setup.program());
        assertThat(run.get("payouts")).hasSize(2);
        JsonNode toAna = payoutTo(run, ana);
        JsonNode toBo = payoutTo(run, bo);
        assertThat(toAna.get("amount").asLong()).isEqualTo(10_000);
        assertThat(toAna.get("method").asString()).isEqualTo("sepa");
        assertThat(toAna.get("destination").asString()).isEqualTo("IBAN ES91 •••• 1332");
        assertThat(toAna.get("status").asString()).as("the program asks for approval").isEqualTo("draft");
        assertThat(toBo.get("amount").asLong()).isEqualTo(5_000);
        assertThat(run.get("held").valueStream().map(h -> h.get("reason").asString() + " " + h.get("amount").asLong()))
                .containsExactlyInAnyOrder("no_payout_details 3000", "below_minimum 1000");
        assertThat(balance(ana, "EUR")).as("claimed, still approved until sent").containsExactly(0, 10_000, 0);

        ApiClient.Answer hold = api.post("/api/v1/commissions/hold", "{\"ids\": [\""
                + madeBy(anaSale).get(0).get("id").asString() + "\"], \"reason\": \"look again\"}");
        assertThat(hold.status()).as("a commission in a payout is not changed under it").isEqualTo(409);
        assertThat(hold.json().get("detail").asString()).contains("cancel that payout first");

        String runId = run.get("id").asString();
        ApiClient.Answer notYet = api.get("/api/v1/payout-runs/" + runId + "/files/sepa");
        assertThat(notYet.status()).as("drafts are in no file").isEqualTo(409);
        ok(api.post("/api/v1/payout-runs/" + runId + "/approve", "{}"));
        ApiClient.Answer sepa = api.get("/api/v1/payout-runs/" + runId + "/files/sepa");
        assertThat(sepa.status()).isEqualTo(200);
        SepaCreditTransferFileTest.validate(sepa.body());
        assertThat(sepa.body()).contains("<IBAN>" + ANA_IBAN + "</IBAN>").contains("<InstdAmt Ccy=\"EUR\">100.00</InstdAmt>")
                .contains("<IBAN>DE89370400440532013000</IBAN>").contains("<NbOfTxs>1</NbOfTxs>");

        JsonNode sent = ok(api.post("/api/v1/payout-runs/" + runId + "/send", "{}"));
        assertThat(sent.get("processing")).hasSize(2);
        assertThat(balance(ana, "EUR")).as("on its way: not payable, not paid").containsExactly(0, 0, 0);

        // a refund of half Ana's sale arrives while her payout is at the bank: a clawback for the next run
        JsonNode refund = refund(ana, anaSale, 50_000, days(18));
        assertThat(madeBy(refund)).singleElement().satisfies(c -> {
            assertThat(c.get("kind").asString()).isEqualTo("clawback");
            assertThat(c.get("amount").asLong()).isEqualTo(-5_000);
        });

        JsonNode failed = ok(api.post("/api/v1/payouts/" + toBo.get("id").asString() + "/mark-failed",
                "{\"reason\": \"the bank returned it: account closed\"}"));
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(balance(bo, "EUR")).as("back to payable for the next run").containsExactly(0, 5_000, 0);

        JsonNode paid = ok(api.post("/api/v1/payouts/" + toAna.get("id").asString() + "/mark-paid",
                "{\"reference\": \"SEPA-2026-01-21\"}"));
        assertThat(paid.get("status").asString()).isEqualTo("paid");
        assertThat(balance(ana, "EUR")).as("paid, and the clawback waits").containsExactly(0, -5_000, 10_000);
        JsonNode detail = ok(api.get("/api/v1/payouts/" + toAna.get("id").asString()));
        assertThat(detail.get("history").valueStream().map(h -> h.get("to").asString()))
                .containsExactly("draft", "approved", "processing", "paid");
        assertThat(detail.get("commissions").valueStream().map(c -> c.get("status").asString())).containsOnly("paid");
        assertBooksBalance();

        // Bo fixes his details; the next run pays him again and carries Ana's negative balance forward
        payoutMethod(bo, "{\"type\": \"sepa\", \"holderName\": \"Bo Manual\", \"iban\": \"DE89370400440532013000\"}");
        later(Duration.ofDays(10));
        JsonNode second = run(setup.program());
        assertThat(payoutTo(second, bo).get("amount").asLong()).isEqualTo(5_000);
        assertThat(payoutTo(second, bo).get("method").asString()).isEqualTo("sepa");
        assertThat(second.get("held").valueStream().map(h -> h.get("reason").asString() + " " + h.get("amount").asLong()))
                .containsExactlyInAnyOrder("negative -5000", "no_payout_details 3000", "below_minimum 1000");
        ApiClient.Answer again = api.post("/api/v1/payout-runs", "{\"programId\": \"" + setup.program().id() + "\"}");
        assertThat(again.status()).as("held balances are no payouts: nothing more to pay").isEqualTo(201);
        assertThat(again.json().get("payouts")).isEmpty();
        assertBooksBalance();
    }
}
