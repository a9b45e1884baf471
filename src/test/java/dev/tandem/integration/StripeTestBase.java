package dev.tandem.integration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.tandem.core.Ids;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.MovableClock;
import dev.tandem.testing.ProgramFixtures;
import dev.tandem.tracking.ClickIds;
import dev.tandem.tracking.LinkId;
import dev.tandem.workspace.Actor;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Stripe tests share: a workspace with a program, an approved partner and a Stripe
 * endpoint with its signing secret; Stripe-shaped events (as Stripe documents its Event, Checkout
 * Session, Invoice, Charge and Dispute objects) signed the way Stripe documents it:
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + payload)>}.
 * Times come from the app's clock, which stands months away from the system's: a signature check
 * that read the system's time would refuse every delivery.
 */
@Import(MovableClock.Config.class)
abstract class StripeTestBase extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Actor MANAGER = ProgramFixtures.MANAGER;

    @Autowired
    MovableClock clock;

    @Autowired
    ProgramFixtures programs;

    @Autowired
    ClickIds clickIds;

    @Autowired
    StripeSettings settings;

    /** A workspace connected to Stripe, with a partner who has a link. */
    record Shop(ProgramFixtures.Setup setup, ProgramFixtures.Member partner, LinkId link, String endpointKey,
            String secret) {
        WorkspaceId workspace() {
            return setup.workspace();
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    Shop shop(String name) {
        ProgramFixtures.Setup s = programs.program(name);
        ProgramFixtures.Member ana = programs.approvedPartner(s, "Ana Ruiz");
        LinkId link = new LinkId(Ids.newId());
        jdbc.sql("insert into link (workspace_id, id, program_id, partner_id, slug, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(s.workspace().value(), link.value(), s.program().id().value(), ana.partner().id().value(),
                        "ana-" + UUID.randomUUID().toString().substring(0, 8),
                        Timestamp.from(clock.instant().minusSeconds(86_400 * 90)))
                .update();
        String secret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        settings.setSigningSecret(s.workspace(), MANAGER, secret);
        return new Shop(s, ana, link, settings.account(s.workspace()).endpointKey(), secret);
    }

    /** A click on the partner's link a day ago, its id signed as the redirect signs it. */
    String click(Shop shop) {
        return clickIds.issue(shop.workspace(), shop.link(), clock.instant().minusSeconds(86_400));
    }

    /** Delivers the event as Stripe does, signed now. */
    Answer deliver(Shop shop, String payload) {
        return post(shop.endpointKey(), payload, signature(shop.secret(), payload, clock.instant().getEpochSecond()));
    }

    Answer deliver(Shop shop, Map<String, Object> event) {
        return deliver(shop, JSON.writeValueAsString(event));
    }

    /** Delivers and expects it taken (200). */
    void delivered(Shop shop, Map<String, Object> event) {
        Answer answer = deliver(shop, event);
        org.assertj.core.api.Assertions.assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    Answer post(String endpointKey, String payload, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/webhooks/stripe/" + endpointKey))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        if (signatureHeader != null) {
            request.header("Stripe-Signature", signatureHeader);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stripe's documented scheme, computed here by hand (not by the library under test). */
    static String signature(String secret, String payload, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] v1 = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(v1);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An Event object around {@code object}, as Stripe sends it. */
    Map<String, Object> event(String type, Map<String, Object> object) {
        return map("id", id("evt"), "object", "event", "api_version", "2025-03-31.basil",
                "created", clock.instant().getEpochSecond(), "livemode", false, "pending_webhooks", 1,
                "request", map("id", null, "idempotency_key", null), "type", type, "data", map("object", object));
    }

    static Map<String, Object> subscriptionCheckout(String customer, String clickId) {
        return map("id", id("cs_test"), "object", "checkout.session", "mode", "subscription", "status", "complete",
                "payment_status", "paid", "client_reference_id", clickId, "customer", customer,
                "customer_details", map("email", "ana.customer@example.com", "name", "Carla Gomez"),
                "subscription", id("sub"), "invoice", id("in"), "amount_subtotal", 2000, "amount_total", 2420,
                "currency", "eur", "total_details", map("amount_discount", 0, "amount_shipping", 0, "amount_tax", 420),
                "metadata", map());
    }

    /** A one-off payment, paid: 121.00 EUR of which 21.00 tax. */
    static Map<String, Object> paidCheckout(String customer, String paymentIntent, String clickId, List<Object> discounts) {
        return map("id", id("cs_test"), "object", "checkout.session", "mode", "payment", "status", "complete",
                "payment_status", "paid", "client_reference_id", clickId, "customer", customer,
                "customer_details", map("email", customer + "@example.com", "name", "Bruno Costa"),
                "payment_intent", paymentIntent, "invoice", null, "amount_subtotal", 10000, "amount_total", 12100,
                "currency", "eur", "discounts", discounts,
                "total_details", map("amount_discount", 0, "amount_shipping", 0, "amount_tax", 2100), "metadata", map());
    }

    /** A paid invoice of a subscription: 24.20 EUR of which 4.20 tax, paid with a payment intent. */
    Map<String, Object> paidInvoice(String invoiceId, String customer, String paymentIntent, String reason) {
        return map("id", invoiceId, "object", "invoice", "status", "paid", "billing_reason", reason,
                "customer", customer, "customer_email", "ana.customer@example.com", "customer_name", "Carla Gomez",
                "currency", "eur", "subtotal", 2000, "total", 2420, "total_excluding_tax", 2000, "amount_paid", 2420,
                "payment_intent", paymentIntent,
                "parent", map("type", "subscription_details", "subscription_details", map("subscription", "sub_1",
                        "metadata", map())),
                "status_transitions", map("paid_at", clock.instant().getEpochSecond()), "metadata", map());
    }

    /** A charge with its refunds so far (each {@code [id, amount]}), or without the list when {@code refunds} is null. */
    static Map<String, Object> refundedCharge(String chargeId, String paymentIntent, long amount, long refunded,
            List<Object[]> refunds) {
        Map<String, Object> charge = map("id", chargeId, "object", "charge", "amount", amount, "amount_captured", amount,
                "amount_refunded", refunded, "currency", "eur", "paid", true, "refunded", refunded == amount,
                "payment_intent", paymentIntent);
        if (refunds != null) {
            charge.put("refunds", map("object", "list", "has_more", false, "data", refunds.stream()
                    .map(r -> (Object) map("id", r[0], "object", "refund", "amount", r[1], "charge", chargeId,
                            "currency", "eur", "status", "succeeded"))
                    .toList()));
        }
        return charge;
    }

    static Map<String, Object> dispute(String chargeId, String paymentIntent, long amount) {
        return map("id", id("dp"), "object", "dispute", "amount", amount, "currency", "eur", "charge", chargeId,
                "payment_intent", paymentIntent, "reason", "fraudulent", "status", "needs_response");
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String id(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }

    /** The conversion events of the workspace as {@code type amount recurring external_id}, oldest first. */
    List<String> events(Shop shop) {
        return jdbc.sql("select type || ' ' || coalesce(amount::text, '-') || ' ' || recurring || ' ' || external_id"
                        + " from conversion_event where workspace_id = ? order by received_at, id")
                .param(shop.workspace().value()).query(String.class).list();
    }

    long count(String table, Shop shop) {
        return jdbc.sql("select count(*) from " + table + " where workspace_id = ?").param(shop.workspace().value())
                .query(Long.class).single();
    }

    String outcome(Shop shop, Map<String, Object> event) {
        return jdbc.sql("select outcome || ': ' || reason from stripe_event where workspace_id = ? and stripe_event_id = ?")
                .params(shop.workspace().value(), event.get("id")).query(String.class).single();
    }
}
