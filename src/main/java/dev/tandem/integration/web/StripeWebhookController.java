package dev.tandem.integration.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.tandem.core.NotFoundException;
import dev.tandem.integration.StripeWebhooks;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Stripe delivers a workspace's events: {@code POST /webhooks/stripe/{endpointKey}}. The body
 * is read as the exact bytes Stripe signed. 200 {@code {"received": true}} for every event whose
 * signature holds (also ignored and repeated ones), 400 for a bad signature, 404 for an unknown
 * key, 503 while the workspace has no signing secret (Stripe retries).
 */
@RestController
@Hidden
class StripeWebhookController {

    private static final String PROBLEMS = "https://tandem.dev/problems/";

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(value = "/webhooks/stripe/{endpointKey}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@PathVariable String endpointKey, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        String payload = body == null ? null : new String(body, StandardCharsets.UTF_8);
        StripeWebhooks.Delivery delivery = webhooks.receive(endpointKey, payload, signature);
        if (delivery instanceof StripeWebhooks.Delivery.Received || delivery instanceof StripeWebhooks.Delivery.Duplicate) {
            return ResponseEntity.ok(Map.of("received", true));
        }
        if (delivery instanceof StripeWebhooks.Delivery.UnknownEndpoint) {
            throw new NotFoundException("No Stripe endpoint has this address: copy it again from Tandem's Stripe page.");
        }
        if (delivery instanceof StripeWebhooks.Delivery.NotConfigured) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "stripe-not-configured", "Stripe is not set up",
                    "This endpoint has no signing secret yet: paste it on Tandem's Stripe page.");
        }
        return problem(HttpStatus.BAD_REQUEST, "bad-signature", "Bad signature",
                ((StripeWebhooks.Delivery.Refused) delivery).reason());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEMS + type));
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
