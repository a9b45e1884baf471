package dev.tandem.integration;

import java.time.Clock;
import java.util.Optional;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.tandem.integration.internal.AccountRepository;
import dev.tandem.integration.internal.Handled;
import dev.tandem.integration.internal.ReceivedEventRepository;
import dev.tandem.integration.internal.StripeEvent;
import dev.tandem.integration.internal.StripeEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhook deliveries to a workspace's endpoint: the signature is checked with Stripe's own
 * library before anything is read or stored, each Stripe event is worked once (a delivery of one
 * that failed before is worked again), and what it became is kept for the managers' page.
 * Stripe's events reach the intake as any other sender's do, and the intake is idempotent by
 * event id, so a delivery repeated after a crash between the two cannot count anything twice.
 */
@Service
public class StripeWebhooks {

    /** Stripe's own default: a signature older than five minutes is a replay. */
    public static final long TOLERANCE_SECONDS = 300;

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccountRepository accounts;
    private final ReceivedEventRepository received;
    private final StripeEventHandler handler;
    private final Clock clock;

    StripeWebhooks(AccountRepository accounts, ReceivedEventRepository received, StripeEventHandler handler,
            Clock clock) {
        this.accounts = accounts;
        this.received = received;
        this.handler = handler;
        this.clock = clock;
    }

    /** What a delivery came to, for the endpoint to answer. */
    public sealed interface Delivery {
        /** Worked now: Stripe gets 200 whatever the outcome (a failed one would not succeed on a retry either). */
        record Received(ReceivedStripeEvent event) implements Delivery {
        }

        /** Received before: 200, and nothing is done again. */
        record Duplicate(ReceivedStripeEvent event) implements Delivery {
        }

        /** No workspace has this endpoint key: 404. */
        record UnknownEndpoint() implements Delivery {
        }

        /** The workspace has not set its signing secret yet: 503, so Stripe tries again later. */
        record NotConfigured() implements Delivery {
        }

        /** Missing, wrong or stale signature, or not a Stripe event: 400, and nothing is stored. */
        record Refused(String reason) implements Delivery {
        }
    }

    public Delivery receive(String endpointKey, String payload, String signatureHeader) {
        Optional<StripeAccount> found = endpointKey == null || endpointKey.length() > 64 ? Optional.empty()
                : accounts.byEndpointKey(endpointKey);
        if (found.isEmpty()) {
            return new Delivery.UnknownEndpoint();
        }
        StripeAccount account = found.get();
        if (!account.configured()) {
            return new Delivery.NotConfigured();
        }
        if (signatureHeader == null || signatureHeader.isBlank() || payload == null) {
            return new Delivery.Refused("the Stripe-Signature header is missing");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signatureHeader, account.signingSecret(), TOLERANCE_SECONDS,
                    clock);
        } catch (SignatureVerificationException bad) {
            log.info("Stripe webhook for {} refused: {}", account.workspaceId(), bad.getMessage());
            return new Delivery.Refused("the Stripe-Signature does not match this endpoint's signing secret, or is"
                    + " older than " + TOLERANCE_SECONDS + " seconds (" + bad.getMessage() + ")");
        }
        StripeEvent event;
        try {
            event = StripeEvent.read(JSON.readTree(payload));
        } catch (JacksonException unreadable) {
            event = null;
        }
        if (event == null) {
            return new Delivery.Refused("the body is not a Stripe event (id, type, created and data.object)");
        }
        Optional<ReceivedStripeEvent> before = received.find(account.workspaceId(), event.id());
        if (before.isPresent() && before.get().outcome() != ReceivedStripeEvent.Outcome.FAILED) {
            return new Delivery.Duplicate(before.get());
        }
        Handled handled = handler.handle(account.workspaceId(), event);
        ReceivedStripeEvent result = new ReceivedStripeEvent(event.id(), event.type(),
                clock.instant(), handled.outcome(), handled.events(), handled.reason());
        if (!received.save(account.workspaceId(), result)) {
            // a twin delivery finished first; the intake recorded nothing twice, and its outcome stands
            return new Delivery.Duplicate(received.find(account.workspaceId(), event.id()).orElse(result));
        }
        return new Delivery.Received(result);
    }
}
