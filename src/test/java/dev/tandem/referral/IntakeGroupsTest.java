package dev.tandem.referral;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.tandem.ledger.Ledger;
import dev.tandem.referral.internal.EventRepository;
import dev.tandem.testing.ApiClient;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events that arrive together are stored in groups (one transaction, one insert per table), and each
 * gets the answer it would have had alone: its own commission, caps counted across the group, a
 * rejected one refused alone, twins of one id stored once, the books balanced.
 */
class IntakeGroupsTest extends IntakeBaseTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    Ledger ledger;

    @Test
    void eventsArrivingTogetherAreStoredTogetherWithTheAnswersTheyWouldHaveHadAlone() throws Exception {
        ProgramFixtures.Setup s = programs.program("Together");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        ProgramFixtures.Member ben = programs.approvedPartner(s, "Ben");
        // 10% of each sale, at most 3.50 EUR a day per partner: Ben's five sales of 10 EUR earn 1+1+1+0.50+0,
        // Ana's fourteen sales the same 3.50 in all, however they are grouped
        ApiClient.Answer plan = api(s.tenant().apiKey()).post("/api/v1/programs/" + s.program().id() + "/plans", """
                {"holdDays": 30, "rules": [{"trigger": "sale", "reward": {"type": "percentage", "percent": "10"},
                 "caps": {"perPartnerDay": 350}}]}""");
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        String code = referralCode(s, ben);

        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            bodies.put("ana-" + i, event("id", "ana-" + i, "type", "sale", "amount", 1000 + i,
                    "currency", "EUR", "partnerId", ana.partner().id().toString(),
                    "customer", customer("c-ana-" + i, "ana" + i + "@together.test")));
        }
        for (int i = 0; i < 5; i++) {
            bodies.put("ben-" + i, event("id", "ben-" + i, "type", "sale", "amount", 1000,
                    "currency", "EUR", "code", code, "customer", customer("c-ben-" + i, null)));
        }
        bodies.put("bad", event("id", "bad", "type", "sale", "amount", 0, "currency", "EUR",
                "customer", customer("c-bad", null)));
        // one customer's lead and sale, and one id sent twice: never in one group, both stored as if one by one
        bodies.put("lead", event("id", "lead", "type", "lead", "partnerId",
                ana.partner().id().toString(), "customer", customer("c-both", "both@together.test")));
        bodies.put("sale", event("id", "sale", "type", "sale", "amount", 2000, "currency", "EUR",
                "partnerId", ana.partner().id().toString(), "customer", customer(null, "both@together.test")));
        Map<String, Object> twin = event("id", "twin", "type", "sale", "amount", 500,
                "currency", "EUR", "partnerId", ana.partner().id().toString(), "customer", customer("c-twin", null));

        ExecutorService pool = Executors.newFixedThreadPool(32);
        Map<String, Future<ApiClient.Answer>> answers = new LinkedHashMap<>();
        List<Future<ApiClient.Answer>> twins = new ArrayList<>();
        try (Connection held = dataSource.getConnection()) {
            // both of the intake's turns wait for a customer this test holds, so the rest queue up meanwhile
            held.setAutoCommit(false);
            try (PreparedStatement lock = held.prepareStatement("select pg_advisory_xact_lock(?)")) {
                for (String customer : List.of("cus:hold-1", "cus:hold-2")) {
                    lock.setLong(1, EventRepository.lock(s.workspace(), customer));
                    lock.execute();
                }
            }
            for (String customer : List.of("hold-1", "hold-2")) {
                answers.put(customer, pool.submit(later(s, event("id", customer, "type", "lead", "partnerId",
                        ana.partner().id().toString(), "customer", customer(customer, null)))));
            }
            waitUntil(() -> jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and wait_event = 'advisory'").query(Long.class).single() == 2);
            bodies.forEach((id, body) -> answers.put(id, pool.submit(later(s, body))));
            twins.add(pool.submit(later(s, twin)));
            twins.add(pool.submit(later(s, twin)));
            Thread.sleep(1_500);
            held.commit();
        }
        try {
            for (var answer : answers.entrySet()) {
                ApiClient.Answer a = answer.getValue().get(60, TimeUnit.SECONDS);
                assertThat(a.status()).as(answer.getKey() + ": " + a.body()).isEqualTo(
                        answer.getKey().equals("bad") ? 422 : 201);
            }
            ApiClient.Answer first = twins.get(0).get(60, TimeUnit.SECONDS);
            ApiClient.Answer second = twins.get(1).get(60, TimeUnit.SECONDS);
            assertThat(List.of(first.status(), second.status())).containsExactlyInAnyOrder(200, 201);
            assertThat(second.body()).isEqualTo(first.body());
        } finally {
            pool.shutdownNow();
        }

        // the answers name each event's own commission (while the cap allows), and say what a replay says word for word
        long earned = 0;
        for (int i = 0; i < 12; i++) {
            JsonNode a = answers.get("ana-" + i).get().json();
            for (JsonNode c : a.get("commissions") == null ? List.<JsonNode>of() : a.get("commissions").valueStream().toList()) {
                assertThat(c.get("eventId").asString()).isEqualTo(a.get("id").asString());
                assertThat(c.get("amount").asLong()).isBetween(1L, (1000L + i + 5) / 10);
                earned += c.get("amount").asLong();
            }
            assertThat(a.get("referral").get("partnerId").asString()).isEqualTo(ana.partner().id().toString());
            ApiClient.Answer replay = send(s, bodies.get("ana-" + i));
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.body()).isEqualTo(answers.get("ana-" + i).get().body());
        }
        assertThat(jdbc.sql("select coalesce(sum(c.amount), 0) from commission c where c.workspace_id = ?"
                + " and c.partner_id = ?").params(s.workspace().value(), ben.partner().id().value())
                .query(Long.class).single()).as(answers.get("ben-0").get().body()).isEqualTo(350);
        assertThat(jdbc.sql("select coalesce(sum(c.amount), 0) from commission c where c.workspace_id = ?"
                + " and c.partner_id = ?").params(s.workspace().value(), ben.partner().id().value())
                .query(Long.class).single()).as("Ben's daily cap, counted across the group").isEqualTo(350);
        assertThat(jdbc.sql("select coalesce(sum(c.amount), 0) from commission c where c.workspace_id = ?"
                + " and c.partner_id = ?").params(s.workspace().value(), ana.partner().id().value())
                .query(Long.class).single()).as("Ana's daily cap too").isEqualTo(350).isGreaterThanOrEqualTo(earned);
        assertThat(earned).as("the answers of Ana's first sales name their commissions").isPositive();
        assertThat(answers.get("bad").get().body()).contains("amount");
        JsonNode both = get(s, "/api/v1/referrals/" + answers.get("sale").get().json().get("referral").get("id")
                .asString());
        assertThat(both.get("status").asString()).isEqualTo("customer");
        assertThat(jdbc.sql("select count(*) from customer where workspace_id = ? and email = ?")
                .params(s.workspace().value(), "both@together.test").query(Long.class).single()).isEqualTo(1);
        assertThat(counts(s.workspace())).containsEntry("conversion_event", 2L + 12 + 5 + 2 + 1)
                .containsEntry("customer", 2L + 12 + 5 + 1 + 1);
        assertThat(ledger.trialBalance(s.workspace()).values()).allMatch(total -> total == 0L);
        // and they were stored together: the 17 sales in far fewer transactions than one each
        assertThat(jdbc.sql("select count(distinct xmin::text) from conversion_event where workspace_id = ?"
                + " and (external_id like 'ana-%' or external_id like 'ben-%')").param(s.workspace().value())
                .query(Long.class).single()).isLessThan(6);
    }

    private Callable<ApiClient.Answer> later(ProgramFixtures.Setup s, Map<String, Object> body) {
        return () -> send(s, body);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(until);
            Thread.sleep(20);
        }
    }
}
