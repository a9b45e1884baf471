package dev.tandem.commission;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.ledger.Ledger;
import dev.tandem.program.Program;
import dev.tandem.program.ProgramType;
import dev.tandem.program.Programs;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.MovableClock;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the commission scenarios share: a clock the test moves (hold periods, plan versions),
 * plans and events sent through the API as an integrator sends them, and the check every scenario
 * ends with: the ledger balances per currency and agrees with the commissions.
 */
@Import(MovableClock.Config.class)
public abstract class CommissionTestBase extends IntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected ProgramFixtures programs;

    @Autowired
    protected Programs programService;

    @Autowired
    protected Commissions commissions;

    @Autowired
    protected Ledger ledger;

    protected ProgramFixtures.Setup setup;
    protected ApiClient api;

    /** A tenant with a EUR program and an API key; the clock at T0. */
    protected ProgramFixtures.Setup start(String name) {
        clock.set(T0);
        setup = programs.program(name);
        api = api(setup.tenant().apiKey());
        return setup;
    }

    protected Program programIn(String currency, String name) {
        return programService.create(setup.workspace(), ProgramFixtures.MANAGER, new Programs.Settings(name,
                ProgramType.REFERRAL, "", currency, "https://acme.test/", List.of(), null, 30, "", null));
    }

    /** Publishes a plan version (JSON without the program) and expects it stored. */
    protected JsonNode plan(Program program, String json) {
        ApiClient.Answer a = api.post("/api/v1/programs/" + program.id() + "/plans", json);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json();
    }

    /** Sends an event for the partner at {@code at} (the clock moves there first); answers the intake's answer. */
    protected JsonNode event(String type, ProgramFixtures.Member partner, String customer, Long amount, String currency,
            Instant at, Object... more) {
        clock.set(at);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", type + "_" + UUID.randomUUID().toString().substring(0, 8));
        body.put("type", type);
        body.put("occurredAt", at.toString());
        body.put("customer", Map.of("externalId", customer, "email", customer + "@customers.test"));
        body.put("partnerId", partner.partner().id().toString());
        body.put("programId", partner.enrollment().programId().toString());
        if (amount != null) {
            body.put("amount", amount);
            body.put("currency", currency);
        }
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        ApiClient.Answer a = api.post("/api/v1/events", JSON.writeValueAsString(body));
        assertThat(a.status()).as(a.body()).isIn(200, 201);
        return ((tools.jackson.databind.node.ObjectNode) a.json()).put("_sentId", (String) body.get("id"));
    }

    protected JsonNode sale(ProgramFixtures.Member partner, String customer, long amount, Instant at) {
        return event("sale", partner, customer, amount, "EUR", at);
    }

    protected JsonNode refund(ProgramFixtures.Member partner, JsonNode sale, long amount, Instant at) {
        return event("refund", partner, customerOf(sale), amount, "EUR", at, "refundOf", sale.get("_sentId").asString());
    }

    protected static String customerOf(JsonNode answer) {
        return answer.get("referral").get("customer").get("externalId").asString();
    }

    /** The commissions the intake said an event created or reversed. */
    protected static List<JsonNode> madeBy(JsonNode answer) {
        return answer.get("commissions").valueStream().toList();
    }

    /** The partner's commissions, oldest first. */
    protected List<JsonNode> commissionsOf(ProgramFixtures.Member partner) {
        ApiClient.Answer a = api.get("/api/v1/commissions?limit=100&partnerId=" + partner.partner().id());
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<JsonNode> list = new java.util.ArrayList<>(a.json().get("data").valueStream().toList());
        java.util.Collections.reverse(list);
        return list;
    }

    /** The partner's balance in one currency: pending, approved, paid in minor units. */
    protected long[] balance(ProgramFixtures.Member partner, String currency) {
        ApiClient.Answer a = api.get("/api/v1/partners/" + partner.partner().id() + "/balances");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().get("data").valueStream().filter(b -> b.get("currency").asString().equals(currency))
                .map(b -> new long[] {b.get("pending").asLong(), b.get("approved").asLong(), b.get("paid").asLong()})
                .findFirst().orElse(new long[] {0, 0, 0});
    }

    /** The answer's JSON, once it is a 200. */
    protected static JsonNode ok(ApiClient.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    /** Sets the partner's payout method through the API, e.g. {@code {"type": "manual"}}. */
    protected void payoutMethod(ProgramFixtures.Member partner, String json) {
        ApiClient.Answer a = api.put("/api/v1/partners/" + partner.partner().id() + "/payout-method", json);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    /** Starts a payout run of the program through the API and answers the run. */
    protected JsonNode run(Program program) {
        ApiClient.Answer a = api.post("/api/v1/payout-runs", "{\"programId\": \"" + program.id() + "\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json();
    }

    /** The run's payout to this partner. */
    protected static JsonNode payoutTo(JsonNode run, ProgramFixtures.Member partner) {
        return run.get("payouts").valueStream()
                .filter(p -> p.get("partnerId").asString().equals(partner.partner().id().toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no payout to " + partner.partner().name() + " in " + run));
    }

    /** Pays the partner everything payable in the setup's program: a run, approved, marked paid by hand. */
    protected JsonNode payOut(ProgramFixtures.Member partner) {
        JsonNode payout = payoutTo(run(setup.program()), partner);
        String id = payout.get("id").asString();
        assertThat(api.post("/api/v1/payouts/" + id + "/approve", "{}").status()).isEqualTo(200);
        ApiClient.Answer paid = api.post("/api/v1/payouts/" + id + "/mark-paid", "{\"reference\": \"bank-" + id + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return paid.json();
    }

    /** Moves the clock and runs the hold-period job as the scheduler would. */
    protected void later(Duration by) {
        clock.advance(by);
        while (commissions.approveDue(500) == 500) {
            // until nothing more is due
        }
    }

    /** Every scenario's last word: the books balance per currency and agree with the commissions. */
    protected void assertBooksBalance() {
        WorkspaceId workspace = setup.workspace();
        assertThat(ledger.trialBalance(workspace).values()).as("every currency's postings sum to zero")
                .allMatch(total -> total == 0L);
        ApiClient.Answer a = api.get("/api/v1/ledger/reconciliation");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("agrees").asBoolean()).as(a.body()).isTrue();
    }

    protected static Instant days(long d) {
        return T0.plus(Duration.ofDays(d));
    }
}
