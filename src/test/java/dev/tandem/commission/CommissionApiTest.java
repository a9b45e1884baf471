package dev.tandem.commission;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.tandem.testing.ApiClient;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plans refused field by field, bulk decisions, adjustments, and a ledger nobody can edit. */
class CommissionApiTest extends CommissionTestBase {

    @Test
    void anInvalidPlanIsRefusedFieldByFieldAndNothingIsStored() {
        start("Bad plans");
        String path = "/api/v1/programs/" + setup.program().id() + "/plans";
        ApiClient.Answer a = api.post(path, """
                {"holdDays": 400, "combine": "most", "rules": [
                  {"trigger": "sale", "reward": {"type": "percentage", "percent": "120"}},
                  {"trigger": "sale", "reward": {"type": "percentage", "percent": "10"},
                   "volumeTiers": [{"fromSale": 1, "toSale": 10, "percent": "10"}, {"fromSale": 8, "percent": "15"}]},
                  {"trigger": "recurring_sale", "reward": {"type": "percentage", "schedule": [
                    {"fromMonth": 1, "toMonth": 3, "percent": "30"}, {"fromMonth": 5, "toMonth": 12, "percent": "20"}]}},
                  {"trigger": "lead", "reward": {"type": "flat", "amount": 2500, "currency": "XYZ"}},
                  {"trigger": "lead", "reward": {"type": "flat", "amount": 2500, "currency": "USD"}},
                  {"trigger": "signup", "reward": {"type": "flat", "amount": 100}}]}
                """);
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(fields(a)).containsExactly("holdDays", "combine", "rules[0].reward.percent",
                "rules[1].volumeTiers[1].fromSale", "rules[2].reward.schedule[1].fromMonth", "rules[3].reward.currency",
                "rules[4].reward.currency", "rules[5].trigger");
        assertThat(messages(a)).contains("must be between 0 and 100", "must be 11: tiers must not overlap or leave gaps",
                "must be 4: steps must follow each other without gaps or overlaps",
                "must be an ISO 4217 currency code such as EUR", "must be EUR, the program's currency");
        ApiClient.Answer noRules = api.post(path, "{\"rules\": []}");
        assertThat(fields(noRules)).containsExactly("rules");
        assertThat(api.get(path).json().get("data").size()).as("nothing stored").isZero();
    }

    @Test
    void managersApproveHoldRejectAndAdjustInBulkWithReasons() {
        start("Bulk");
        ProgramFixtures.Member ka = programs.approvedPartner(setup, "Ka Bulk");
        plan(setup.program(), """
                {"holdDays": 30, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        String one = madeBy(sale(ka, "cus_b1", 10_000, days(1))).get(0).get("id").asString();
        String two = madeBy(sale(ka, "cus_b2", 20_000, days(1))).get(0).get("id").asString();
        String three = madeBy(sale(ka, "cus_b3", 30_000, days(1))).get(0).get("id").asString();

        ApiClient.Answer noReason = api.post("/api/v1/commissions/reject", "{\"ids\": [\"" + three + "\"]}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(fields(noReason)).containsExactly("reason");
        assertThat(status(three)).as("nothing changed").isEqualTo("pending");
        assertThat(api.post("/api/v1/commissions/approve", "{\"ids\": [\"com_0352JUUleRKGyFy6FS8285\"]}").status())
                .isEqualTo(404);

        ApiClient.Answer approved = api.post("/api/v1/commissions/approve", "{\"ids\": [\"" + one + "\", \"" + two + "\"]}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("data").valueStream().map(c -> c.get("status").asString()))
                .containsOnly("approved");
        assertThat(api.post("/api/v1/commissions/hold", "{\"ids\": [\"" + two + "\"], \"reason\": \"customer disputes\"}")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/commissions/reject", "{\"ids\": [\"" + three + "\"], \"reason\": \"self-referral\"}")
                .status()).isEqualTo(200);
        assertThat(balance(ka, "EUR")).as("held money is not payable").containsExactly(2_000, 1_000, 0);

        JsonNode history = api.get("/api/v1/commissions/" + three).json().get("history");
        assertThat(history.valueStream().map(h -> h.get("to").asString())).containsExactly("pending", "rejected");
        assertThat(history.get(1).get("reason").asString()).isEqualTo("self-referral");

        ApiClient.Answer badAdjustment = api.post("/api/v1/commissions/adjustments", """
                {"programId": "%s", "partnerId": "%s", "amount": 0, "currency": "USD"}
                """.formatted(setup.program().id(), ka.partner().id()));
        assertThat(fields(badAdjustment)).containsExactly("amount", "currency", "reason");
        ApiClient.Answer correction = api.post("/api/v1/commissions/adjustments", """
                {"programId": "%s", "partnerId": "%s", "amount": -300, "reason": "duplicate order"}
                """.formatted(setup.program().id(), ka.partner().id()));
        assertThat(correction.status()).as(correction.body()).isEqualTo(201);
        assertThat(correction.json().get("status").asString()).isEqualTo("approved");
        assertThat(balance(ka, "EUR")).containsExactly(2_000, 700, 0);

        api.post("/api/v1/commissions/release", "{\"ids\": [\"" + two + "\"]}");
        assertThat(status(two)).as("it was approved by hand before the hold: approved again").isEqualTo("approved");
        assertThat(balance(ka, "EUR")).containsExactly(0, 2_700, 0);
        String four = madeBy(sale(ka, "cus_b4", 40_000, days(2))).get(0).get("id").asString();
        api.post("/api/v1/commissions/hold", "{\"ids\": [\"" + four + "\"], \"reason\": \"check\"}");
        api.post("/api/v1/commissions/release", "{\"ids\": [\"" + four + "\"]}");
        assertThat(status(four)).as("released inside its hold period: pending until it ends").isEqualTo("pending");
        later(Duration.ofDays(31));
        assertThat(balance(ka, "EUR")).containsExactly(0, 6_700, 0);
        assertThat(api.get("/api/v1/commissions?status=rejected").json().get("data").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/commissions?status=nonsense").status()).isEqualTo(400);
        assertBooksBalance();
    }

    @Test
    void theLedgerRefusesAnyChangeToWhatIsPosted() {
        start("Append only");
        ProgramFixtures.Member la = programs.approvedPartner(setup, "La Ledger");
        plan(setup.program(), """
                {"rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        sale(la, "cus_l", 10_000, days(1));
        assertThatThrownBy(() -> jdbc.sql("update ledger_posting set amount = amount + 1 where workspace_id = ?")
                .param(setup.workspace().value()).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from ledger_entry where workspace_id = ?")
                .param(setup.workspace().value()).update()).hasMessageContaining("append-only");
        assertBooksBalance();
    }

    @Test
    void theLedgerRefusesPostingsThatDoNotBalanceAndKeepsWhatWasThere() {
        start("Balanced");
        ProgramFixtures.Member lb = programs.approvedPartner(setup, "Lb Books");
        UUID ws = setup.workspace().value();
        UUID partner = lb.partner().id().value();
        UUID entry = UUID.randomUUID();
        String posting = "insert into ledger_posting (workspace_id, entry_id, line, account, partner_id, currency, amount)"
                + " values (?, ?, ?, ?, ?, 'EUR', ?)";

        // an entry and one posting, in one statement: 5 EUR owed to nobody
        assertThatThrownBy(() -> jdbc.sql("with e as (insert into ledger_entry (workspace_id, id, source_key, description,"
                        + " occurred_at) values (?, ?, 'test:one-sided', 'one-sided', now()) returning id)"
                        + " insert into ledger_posting (workspace_id, entry_id, line, account, partner_id, currency, amount)"
                        + " select ?, id, 1, 'partner_payable', ?, 'EUR', 500 from e")
                .params(ws, entry, ws, partner).update())
                .hasMessageContaining("ledger entry " + entry + " does not balance: EUR 500");
        assertThat(jdbc.sql("select count(*) from ledger_entry where id = ?").param(entry).query(Long.class).single())
                .as("the statement's entry is not kept either").isZero();

        // an existing entry: a balanced pair may follow, a lone posting may not
        jdbc.sql("insert into ledger_entry (workspace_id, id, source_key, description, occurred_at)"
                + " values (?, ?, 'test:later', 'later', now())").params(ws, entry).update();
        jdbc.sql(posting + ", (?, ?, ?, ?, ?, 'EUR', ?)").params(ws, entry, 1, "partner_payable", partner, 700,
                ws, entry, 2, "commission_expense", partner, -700).update();
        assertThatThrownBy(() -> jdbc.sql(posting).params(ws, entry, 3, "partner_payable", partner, 1).update())
                .hasMessageContaining("does not balance");
        assertThat(jdbc.sql("select count(*) from ledger_posting where entry_id = ?").param(entry).query(Long.class)
                .single()).isEqualTo(2);
        assertThat(jdbc.sql("select sum(amount) from ledger_posting where workspace_id = ?").param(ws)
                .query(Long.class).single()).as("the books' trial balance").isZero();
    }

    @Test
    void aDoubleSidedProgramRecordsTheCustomersRewardOnceForTheBusinessToHonour() {
        start("Double sided");
        ProgramFixtures.Member mo = programs.approvedPartner(setup, "Mo Friends");
        plan(setup.program(), """
                {"customerReward": "First month free", "rules": [
                  {"trigger": "lead", "reward": {"type": "flat", "amount": 1000}},
                  {"trigger": "sale", "reward": {"type": "percentage", "percent": "10"}}]}
                """);
        JsonNode lead = event("lead", mo, "cus_friend", null, null, days(1));
        sale(mo, "cus_friend", 10_000, days(2));

        JsonNode open = api.get("/api/v1/customer-rewards?open=true").json().get("data");
        assertThat(open.size()).as("one per referral, however many events").isEqualTo(1);
        assertThat(open.get(0).get("description").asString()).isEqualTo("First month free");
        assertThat(open.get(0).get("referralId").asString()).isEqualTo(lead.get("referral").get("id").asString());
        String id = open.get(0).get("id").asString();
        ApiClient.Answer honoured = api.post("/api/v1/customer-rewards/" + id + "/honour", "{}");
        assertThat(honoured.status()).as(honoured.body()).isEqualTo(200);
        assertThat(honoured.json().get("honouredAt").isNull()).isFalse();
        assertThat(api.get("/api/v1/customer-rewards?open=true").json().get("data").size()).isZero();
        assertThat(api.get("/api/v1/customer-rewards").json().get("data").size()).isEqualTo(1);
    }

    private String status(String id) {
        return api.get("/api/v1/commissions/" + id).json().get("status").asString();
    }

    private static List<String> fields(ApiClient.Answer a) {
        return a.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static List<String> messages(ApiClient.Answer a) {
        return a.json().get("errors").valueStream().map(e -> e.get("message").asString()).toList();
    }
}
