package dev.tandem.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.tandem.testing.ApiClient;
import dev.tandem.testing.ProgramFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/events as API.md fixes it: once per id, every invalid field named, each workspace alone. */
class EventApiTest extends IntakeBaseTest {

    @Test
    void sendingTheSameEventAgainAnswersTheFirstAnswerAndCountsNothingTwice() {
        ProgramFixtures.Setup s = programs.program("Replay");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        TestLink link = link(s, ana);
        Map<String, Object> sale = event("id", "inv_2026_000123", "type", "sale", "occurredAt", at(T0, 1),
                "amount", 4999, "currency", "EUR", "clickId", click(s, link, T0), "metadata", Map.of("plan", "pro"),
                "customer", customer("cus_1", "ana@example.com"));

        ApiClient.Answer first = send(s, sale);
        stored(s, event("id", "later", "type", "sale", "occurredAt", at(T0, 2), "amount", 100, "currency", "EUR",
                "customer", customer("cus_1", null)));
        ApiClient.Answer again = send(s, sale);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.contentType()).startsWith("application/json");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(jdbc.sql("select count(*) from conversion_event where workspace_id = ? and external_id = ?")
                .params(s.workspace().value(), "inv_2026_000123").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from referral_status_change where workspace_id = ?")
                .param(s.workspace().value()).query(Long.class).single()).isEqualTo(1);
        JsonNode read = get(s, "/api/v1/events/" + first.json().get("id").asString());
        assertThat(read.get("metadata").get("plan").asString()).isEqualTo("pro");
        assertThat(read.get("source").asString()).isEqualTo("api");
    }

    @Test
    void theSameIdWithAnotherBodyIsAConflictThatSaysSo() {
        ProgramFixtures.Setup s = programs.program("Conflict");
        stored(s, event("id", "inv-9", "type", "sale", "amount", 4999, "currency", "EUR",
                "customer", customer("c1", null)));
        var before = counts(s.workspace());

        ApiClient.Answer other = send(s, event("id", "inv-9", "type", "sale", "amount", 5999, "currency", "EUR",
                "customer", customer("c1", null)));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("detail").asString()).contains("different body").contains("new id");
        assertThat(counts(s.workspace())).isEqualTo(before);
    }

    @Test
    void twoIdenticalEventsArrivingAtOnceAreStoredOnce() throws Exception {
        ProgramFixtures.Setup s = programs.program("Twins");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        Map<String, Object> sale = event("id", "twin", "type", "sale", "amount", 4999, "currency", "EUR",
                "occurredAt", at(T0, 1), "clickId", click(s, link(s, ana), T0), "customer", customer("c1", null));
        CountDownLatch go = new CountDownLatch(1);
        Callable<ApiClient.Answer> sender = () -> {
            go.await();
            return send(s, sale);
        };
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<ApiClient.Answer> answers = new ArrayList<>();
        try {
            List<Future<ApiClient.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(sender));
            }
            go.countDown();
            for (Future<ApiClient.Answer> f : futures) {
                answers.add(f.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(ApiClient.Answer::status).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(answers).extracting(ApiClient.Answer::body).containsOnly(answers.get(0).body());
        assertThat(counts(s.workspace())).containsEntry("conversion_event", 1L).containsEntry("customer", 1L)
                .containsEntry("referral", 1L).containsEntry("referral_status_change", 1L)
                .containsEntry("touchpoint", 1L);
    }

    @Test
    void manyEventsAtOnceAreAllStoredAndRejectedOnesDoNotHoldUpTheOthers() throws Exception {
        // more senders than the intake stores at once (one per core), half of them refused inside the intake's
        // transaction: every valid event is stored, every invalid one answered 422, and the intake stays open
        ProgramFixtures.Setup s = programs.program("Crowd");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        String partner = ana.partner().id().toString();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<ApiClient.Answer>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                Map<String, Object> body = event("id", "crowd-" + i, "type", "sale", "amount", i % 2 == 0 ? 1000 : 0,
                        "currency", "EUR", "partnerId", partner, "customer", customer("crowd-c" + i, null));
                futures.add(pool.submit(() -> {
                    go.await();
                    return send(s, body);
                }));
            }
            go.countDown();
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get(60, TimeUnit.SECONDS).status()).as("event crowd-" + i)
                        .isEqualTo(i % 2 == 0 ? 201 : 422);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counts(s.workspace())).containsEntry("conversion_event", 12L).containsEntry("customer", 12L);
        assertThat(send(s, event("id", "after", "type", "sale", "amount", 500, "currency", "EUR", "partnerId", partner,
                "customer", customer("after", null))).status()).isEqualTo(201);
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingIsStored() {
        ProgramFixtures.Setup s = programs.program("Strict");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        stored(s, event("id", "sale-1", "type", "sale", "amount", 1000, "currency", "EUR", "partnerId",
                ana.partner().id().toString(), "customer", customer("c1", null)));
        stored(s, event("id", "refund-1", "type", "refund", "amount", 600, "currency", "EUR", "refundOf", "sale-1"));
        var before = counts(s.workspace());

        assertInvalid(s, event(), "id", "type");
        assertInvalid(s, event("id", "x", "type", "purchase"), "type");
        assertInvalid(s, event("id", "x", "type", "sale", "customer", customer("c2", null)), "amount");
        assertInvalid(s, event("id", "x", "type", "sale", "amount", 100, "currency", "EUR"), "customer");
        assertInvalid(s, event("id", "x", "type", "sale", "amount", 0, "currency", "EUR",
                "customer", customer("c2", null)), "amount");
        assertInvalid(s, event("id", "x", "type", "sale", "amount", -5, "currency", "EUR",
                "customer", customer("c2", null)), "amount");
        assertInvalid(s, event("id", "x", "type", "sale", "amount", 49.99, "currency", "EUR",
                "customer", customer("c2", null)), "amount");
        assertInvalid(s, event("id", "x", "type", "sale", "amount", 100, "currency", "EURO",
                "customer", customer("c2", null)), "currency");
        assertInvalid(s, event("id", "x", "type", "sale", "amount", 100, "currency", "eur",
                "customer", customer("c2", null)), "currency");
        assertInvalid(s, event("id", "x", "type", "sale", "amount", 100, "currency", "XXX",
                "customer", customer("c2", null)), "currency");
        assertInvalid(s, event("id", "x", "type", "lead", "amount", 100, "customer", customer("c2", null)), "currency");
        assertInvalid(s, event("id", "x", "type", "refund", "amount", 100, "currency", "EUR"), "refundOf");
        assertInvalid(s, event("id", "x", "type", "chargeback", "amount", 100, "currency", "EUR",
                "refundOf", "no-such-sale"), "refundOf");
        assertInvalid(s, event("id", "x", "type", "refund", "amount", 100, "currency", "EUR",
                "refundOf", "refund-1"), "refundOf");
        assertInvalid(s, event("id", "x", "type", "refund", "amount", 401, "currency", "EUR",
                "refundOf", "sale-1"), "amount");
        assertInvalid(s, event("id", "x", "type", "chargeback", "amount", 100, "currency", "USD",
                "refundOf", "sale-1"), "currency");
        assertInvalid(s, event("id", "x", "type", "lead", "occurredAt", "yesterday",
                "customer", customer("c2", null)), "occurredAt");
        assertInvalid(s, event("id", "x", "type", "lead"), "customer");
        assertInvalid(s, event("id", "x", "type", "lead", "customer", Map.of("name", "Nobody")), "customer");
        assertInvalid(s, event("id", "x", "type", "lead", "customer", customer(null, "not-an-email")),
                "customer.email");
        assertInvalid(s, event("id", "x", "type", "lead", "partnerId", "ana", "customer", customer("c2", null)),
                "partnerId");
        assertInvalid(s, event("id", "x", "type", "lead", "programId", "prg_nope", "customer", customer("c2", null)),
                "programId");
        assertInvalid(s, event("id", "x", "type", "sale", "amount", -1, "currency", "EURO", "occurredAt", "soon",
                "partnerId", "p", "customer", customer(null, "@")),
                "occurredAt", "customer.email", "partnerId", "amount", "currency");

        assertThat(counts(s.workspace())).isEqualTo(before);
        assertThat(send(s, event("id", "x", "type", "refund", "amount", 400, "currency", "EUR", "refundOf", "sale-1"))
                .status()).as("what remains of the sale may be refunded").isEqualTo(201);
    }

    private void assertInvalid(ProgramFixtures.Setup s, Map<String, Object> body, String... fields) {
        ApiClient.Answer answer = send(s, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<String> named = answer.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(named).as(answer.body()).containsExactlyInAnyOrder(fields);
        answer.json().get("errors").forEach(e -> assertThat(e.get("message").asString()).isNotBlank());
    }

    @Test
    void anotherWorkspaceCannotReadOrAssignEventsAndReferralsNorUseItsClickIds() {
        ProgramFixtures.Setup mine = programs.program("Mine");
        ProgramFixtures.Member ana = programs.approvedPartner(mine, "Ana");
        ProgramFixtures.Setup theirs = programs.program("Theirs");
        String myClick = click(mine, link(mine, ana), T0);
        JsonNode lead = stored(mine, event("id", "l1", "type", "lead", "occurredAt", at(T0, 1), "clickId", myClick,
                "customer", customer("c1", null)));
        String eventId = lead.get("id").asString();
        String referralId = lead.get("referral").get("id").asString();

        ApiClient their = api(theirs.tenant().apiKey());
        assertThat(their.get("/api/v1/events/" + eventId).status()).isEqualTo(404);
        assertThat(their.get("/api/v1/referrals/" + referralId).status()).isEqualTo(404);
        assertThat(their.post("/api/v1/referrals/" + referralId + "/status", "{\"status\": \"lost\", \"reason\": \"x\"}")
                .status()).isEqualTo(404);
        assertThat(their.post("/api/v1/events/" + eventId + "/assign",
                "{\"partnerId\": \"" + ana.partner().id() + "\"}").status()).isEqualTo(404);
        assertThat(get(theirs, "/api/v1/referrals").get("data").size()).isZero();
        assertThat(get(theirs, "/api/v1/events").get("data").size()).isZero();

        JsonNode borrowed = stored(theirs, event("id", "l1", "type", "lead", "occurredAt", at(T0, 1),
                "clickId", myClick, "customer", customer("c1", null)));
        assertThat(borrowed.get("referral").isNull()).isTrue();
        assertThat(borrowed.get("attribution").get("reason").asString()).contains("signature does not match");
        assertThat(get(mine, "/api/v1/referrals/" + referralId).get("status").asString()).isEqualTo("lead");
    }

    @Test
    void anUnattributedSaleIsAssignedByHandAndItsRefundAndLaterEventsFollow() {
        ProgramFixtures.Setup s = programs.program("Assign");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        JsonNode sale = stored(s, event("id", "s1", "type", "sale", "amount", 2000, "currency", "EUR",
                "customer", customer("c1", "lost@example.com")));
        stored(s, event("id", "r1", "type", "refund", "amount", 500, "currency", "EUR", "refundOf", "s1"));
        String eventId = sale.get("id").asString();
        assertThat(sale.get("referral").isNull()).isTrue();
        assertThat(ids(get(s, "/api/v1/events?unattributed=true"))).contains(eventId).hasSize(2);

        ApiClient.Answer assigned = api(s.tenant().apiKey()).post("/api/v1/events/" + eventId + "/assign",
                "{\"partnerId\": \"" + ana.partner().id() + "\", \"reason\": \"customer named Ana on the phone\"}");

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        JsonNode event = assigned.json();
        assertThat(event.get("partnerId").asString()).isEqualTo(ana.partner().id().toString());
        assertThat(event.get("attribution").get("model").asString()).isEqualTo("manual");
        assertThat(event.get("attribution").get("reason").asString()).contains("customer named Ana on the phone");
        assertThat(touches(event, "kind")).contains("manual");
        JsonNode referral = get(s, "/api/v1/referrals/" + event.get("referralId").asString());
        assertThat(referral.get("status").asString()).isEqualTo("customer");
        assertThat(referral.get("attributedBy").asString()).isEqualTo("manual");
        assertThat(ids(get(s, "/api/v1/events?unattributed=true"))).isEmpty();
        assertThat(api(s.tenant().apiKey()).post("/api/v1/events/" + eventId + "/assign",
                "{\"partnerId\": \"" + ana.partner().id() + "\"}").status()).as("only once").isEqualTo(409);

        JsonNode renewal = stored(s, event("id", "s2", "type", "sale", "amount", 2000, "currency", "EUR",
                "customer", customer(null, "lost@example.com")));
        assertThat(renewal.get("referral").get("id").asString()).isEqualTo(referral.get("id").asString());
        assertThat(renewal.get("attribution").get("partnerId").asString()).isEqualTo(ana.partner().id().toString());
    }

    @Test
    void referralsAreListedFilteredAndMovedThroughTheApi() {
        ProgramFixtures.Setup s = programs.program("Lists");
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana");
        ProgramFixtures.Member ben = programs.approvedPartner(s, "Ben");
        for (int i = 0; i < 3; i++) {
            stored(s, event("id", "a" + i, "type", "lead", "partnerId", ana.partner().id().toString(),
                    "customer", event("externalId", "ca" + i, "email", "ana" + i + "@example.com", "name", "Ada " + i)));
        }
        JsonNode benLead = stored(s, event("id", "b1", "type", "lead", "partnerId", ben.partner().id().toString(),
                "customer", event("externalId", "cb", "email", "zed@example.com", "name", "Zed")));

        JsonNode page = get(s, "/api/v1/referrals?partnerId=" + ana.partner().id() + "&limit=2");
        assertThat(page.get("data").size()).isEqualTo(2);
        assertThat(page.get("has_more").asBoolean()).isTrue();
        assertThat(page.get("data").get(0).get("customer").get("email").asString()).isEqualTo("ana2@example.com");
        assertThat(page.get("data").get(0).get("partnerName").asString()).startsWith("Ana");
        JsonNode next = get(s, "/api/v1/referrals?partnerId=" + ana.partner().id() + "&limit=2&starting_after="
                + page.get("data").get(1).get("id").asString());
        assertThat(next.get("data").size()).isEqualTo(1);
        assertThat(next.get("has_more").asBoolean()).isFalse();
        assertThat(ids(get(s, "/api/v1/referrals?q=ZED"))).containsExactly(benLead.get("referral").get("id").asString());
        assertThat(api(s.tenant().apiKey()).get("/api/v1/referrals?status=won").status()).isEqualTo(400);

        String id = benLead.get("referral").get("id").asString();
        ApiClient.Answer lost = api(s.tenant().apiKey()).post("/api/v1/referrals/" + id + "/status",
                "{\"status\": \"lost\", \"reason\": \"chose a competitor\"}");
        assertThat(lost.status()).as(lost.body()).isEqualTo(200);
        assertThat(lost.json().get("status").asString()).isEqualTo("lost");
        assertThat(lost.json().get("history").get(1).get("reason").asString()).isEqualTo("chose a competitor");
        ApiClient.Answer churned = api(s.tenant().apiKey()).post("/api/v1/referrals/" + id + "/status",
                "{\"status\": \"churned\", \"reason\": \"x\"}");
        assertThat(churned.status()).isEqualTo(422);
        assertThat(churned.json().get("errors").get(0).get("message").asString())
                .isEqualTo("a referral in lost may move to lead, not churned");
        assertThat(ids(get(s, "/api/v1/referrals?status=lost"))).containsExactly(id);
    }

    @Test
    void theOpenApiDescriptionDocumentsTheIntakeAndReferrals() {
        ApiClient.Answer docs = api(null).get("/api/docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/events", "/api/v1/events/{id}", "/api/v1/events/{id}/assign",
                "/api/v1/referrals", "/api/v1/referrals/{id}", "/api/v1/referrals/{id}/status",
                "Report what happened to a referred customer", "AnswerDoc");
    }

    static List<String> ids(JsonNode page) {
        return page.get("data").valueStream().map(e -> e.get("id").asString()).toList();
    }
}
