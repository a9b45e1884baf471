package dev.tandem.referral;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.testing.ApiClient;
import dev.tandem.testing.Fixtures;
import dev.tandem.testing.IntegrationTest;
import dev.tandem.testing.WebClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path an integrator builds against, through HTTP only: a program and a partner by API,
 * a link, a visitor following it, then lead, sale and refunds sent back with the click id — and
 * the referral, the link's click count and the explanation at the end.
 */
class ClickToSaleJourneyTest extends IntegrationTest {

    private static final Pattern CLICK = Pattern.compile("[?&]tnd_click=([A-Za-z0-9_-]+)");

    @Autowired
    Fixtures fixtures;

    @Test
    void aClickFollowedByALeadASaleAndARefundEndsAsACustomerOfThePartnerWithTheClickCounted() {
        ApiClient api = api(fixtures.tenant("Journey").apiKey());
        String program = api.post("/api/v1/programs", """
                {"name": "Journey Partners", "type": "referral", "currency": "EUR",
                 "attribution": {"model": "last_click", "windowDays": 30},
                 "defaultDestination": "https://journey.test/", "allowedHosts": ["shop.journey.test"]}
                """).json().get("id").asString();
        ApiClient.Answer enrolled = api.post("/api/v1/programs/" + program + "/partners", """
                {"email": "ana@partners.test", "name": "Ana Ruiz", "status": "approved"}
                """);
        assertThat(enrolled.status()).isEqualTo(201);
        String partner = enrolled.json().get("id").asString();

        JsonNode link = api.post("/api/v1/links", """
                {"programId": "%s", "partnerId": "%s", "destination": "https://shop.journey.test/pricing",
                 "campaign": "newsletter"}
                """.formatted(program, partner)).json();
        String slug = link.get("slug").asString();
        assertThat(link.get("url").asString()).endsWith("/r/" + slug);

        // the visitor follows the link from a newsletter; the shop receives the click id
        WebClient visitor = browser();
        WebClient.Page redirect = awaitRedirect(visitor, "/r/" + slug + "?utm_source=newsletter&sub1=nov");
        URI landing = URI.create(redirect.location());
        assertThat(landing.getHost()).isEqualTo("shop.journey.test");
        assertThat(landing.getQuery()).contains("utm_source=newsletter").contains("sub1=nov");
        Matcher click = CLICK.matcher(redirect.location());
        assertThat(click.find()).as("a click id in %s", redirect.location()).isTrue();
        String clickId = click.group(1);

        ApiClient.Answer lead = api.post("/api/v1/events", """
                {"id": "lead-1", "type": "lead", "clickId": "%s",
                 "customer": {"externalId": "cus_88", "email": "buyer@example.com", "name": "Bea Buyer"}}
                """.formatted(clickId));
        assertThat(lead.status()).isEqualTo(201);
        assertThat(lead.json().get("attribution").get("partnerId").asString()).isEqualTo(partner);
        assertThat(lead.json().get("attribution").get("linkId").asString()).isEqualTo(link.get("id").asString());
        String referral = lead.json().get("referral").get("id").asString();

        ApiClient.Answer sale = api.post("/api/v1/events", """
                {"id": "inv-1", "type": "sale", "amount": 4999, "currency": "EUR",
                 "customer": {"externalId": "cus_88"}}
                """);
        assertThat(sale.status()).isEqualTo(201);
        assertThat(sale.json().get("referral").get("id").asString()).isEqualTo(referral);
        assertThat(sale.json().get("referral").get("status").asString()).isEqualTo("customer");

        assertThat(api.post("/api/v1/events", """
                {"id": "ref-1", "type": "refund", "amount": 1000, "currency": "EUR", "refundOf": "inv-1"}
                """).status()).isEqualTo(201);
        long eventsBefore = events();
        ApiClient.Answer tooMuch = api.post("/api/v1/events", """
                {"id": "ref-2", "type": "refund", "amount": 4000, "currency": "EUR", "refundOf": "inv-1"}
                """);
        assertThat(tooMuch.status()).as("only 39.99 EUR of the sale is left to refund").isEqualTo(422);
        assertThat(tooMuch.body()).contains("amount");
        assertThat(events()).isEqualTo(eventsBefore);

        JsonNode read = api.get("/api/v1/referrals/" + referral).json();
        assertThat(read.get("partnerId").asString()).isEqualTo(partner);
        assertThat(read.get("status").asString()).isEqualTo("customer");
        assertThat(read.get("attribution").get("reason").asString()).isNotBlank();

        // the click row arrives through the batched writer, a moment after the redirect
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/api/v1/links/" + link.get("id").asString()).json().get("clicks").asInt())
                        .isEqualTo(1));
    }

    private WebClient.Page awaitRedirect(WebClient visitor, String path) {
        // a link created a moment ago reaches the redirect's cache through NOTIFY or a miss lookup
        return Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> visitor.get(path), page -> page.status() == 302);
    }

    private long events() {
        return jdbc.sql("select count(*) from conversion_event").query(Long.class).single();
    }
}
