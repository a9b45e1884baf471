package dev.tandem.integration.internal;

import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/** Sends each type of Stripe event to what makes Tandem events of it; other types are ignored, saying so. */
@Component
public class StripeEventHandler {

    private final Purchases purchases;
    private final TakeBacks takeBacks;

    StripeEventHandler(Purchases purchases, TakeBacks takeBacks) {
        this.purchases = purchases;
        this.takeBacks = takeBacks;
    }

    /** Never throws for an event it cannot map: that is a {@code failed} outcome with the reason. */
    public Handled handle(WorkspaceId workspace, StripeEvent event) {
        try {
            return switch (event.type()) {
                case "checkout.session.completed" -> purchases.checkout(workspace, event, false);
                case "checkout.session.async_payment_succeeded" -> purchases.checkout(workspace, event, true);
                case "invoice.paid" -> purchases.invoicePaid(workspace, event);
                case "invoice_payment.paid" -> purchases.invoicePayment(workspace, event);
                case "charge.refunded" -> takeBacks.refunded(workspace, event);
                case "charge.dispute.created" -> takeBacks.disputed(workspace, event);
                default -> Handled.ignored("Tandem does not use " + event.type() + " events");
            };
        } catch (Unmappable unmappable) {
            return Handled.failed(unmappable.getMessage());
        }
    }
}
