package dev.tandem.integration.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.tandem.referral.EventId;
import dev.tandem.referral.EventInput;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import static dev.tandem.integration.internal.StripeJson.first;
import static dev.tandem.integration.internal.StripeJson.id;
import static dev.tandem.integration.internal.StripeJson.list;
import static dev.tandem.integration.internal.StripeJson.metadata;
import static dev.tandem.integration.internal.StripeJson.number;
import static dev.tandem.integration.internal.StripeJson.present;
import static dev.tandem.integration.internal.StripeJson.text;

/**
 * Checkouts and paid invoices as leads and sales. A checkout carries the attribution (the click id
 * in {@code client_reference_id} or {@code metadata.tnd_click}, a promotion code, or
 * {@code metadata.tnd_code}); a subscription's invoices follow the customer's referral, and every
 * invoice after the first is a recurring sale because the intake knows the customer bought before.
 * Amounts are net of tax, in the currency Stripe charged.
 */
@Component
class Purchases {

    private final IntakeDoor intake;
    private final SaleMapRepository sales;
    private final AccountRepository accounts;

    Purchases(IntakeDoor intake, SaleMapRepository sales, AccountRepository accounts) {
        this.intake = intake;
        this.sales = sales;
        this.accounts = accounts;
    }

    /**
     * {@code checkout.session.completed}: a sale when a one-off payment was paid at once, else a
     * lead (a subscription's sales come with its invoices; a delayed payment with
     * {@code checkout.session.async_payment_succeeded}, see {@code asyncPaid}).
     */
    Handled checkout(WorkspaceId workspace, StripeEvent event, boolean asyncPaid) {
        JsonNode session = event.object();
        String sessionId = text(session, "id");
        String paymentIntent = id(session, "payment_intent");
        String invoice = id(session, "invoice");
        boolean paid = "payment".equals(text(session, "mode")) && "paid".equals(text(session, "payment_status"));
        Long total = number(session, "amount_total");
        long tax = first(number(session, "total_details", "amount_tax"), 0L);
        long net = total == null ? 0 : total - tax;
        boolean sale = paid && net > 0;
        if (asyncPaid && !sale) {
            return Handled.ignored("checkout " + sessionId + " has nothing paid to record");
        }
        if (sale) {
            Optional<SaleMapRepository.MappedSale> counted = sales.find(workspace, present(paymentIntent, invoice));
            if (counted.isPresent()) {
                return Handled.ignored("its payment is counted already as sale " + counted.get().saleExternalId());
            }
        }
        // the lead took the session's id: a payment that arrives later is a sale of its own
        String eventId = !asyncPaid ? sessionId : first(paymentIntent, sessionId + ":paid");
        EventInput input = new EventInput(eventId, sale ? "sale" : "lead", event.created(), customer(session),
                first(text(session, "client_reference_id"), metadata(session, "tnd_click")),
                code(workspace, Stream.of(session), list(session, "discounts")), null, metadata(session, "tnd_program"),
                sale ? net : null, sale ? currency(session) : null, null, stripeIds(sessionId, null));
        EventId recorded = intake.record(workspace, input);
        if (sale) {
            sales.link(workspace, present(sessionId, paymentIntent, invoice), eventId, total);
        }
        return Handled.recorded(List.of(recorded), (sale ? "sale " : "lead ") + eventId);
    }

    /** {@code invoice.paid}: a sale of the invoice's total without tax; an invoice of nothing (a trial) is none. */
    Handled invoicePaid(WorkspaceId workspace, StripeEvent event) {
        JsonNode invoice = event.object();
        String invoiceId = text(invoice, "id");
        Long net = netOfTax(invoice);
        if (net == null || net <= 0) {
            return Handled.ignored("invoice " + invoiceId + " is for nothing (e.g. a trial): no sale");
        }
        List<String> payments = payments(invoice);
        Optional<SaleMapRepository.MappedSale> counted = sales.all(workspace, payments).stream()
                .filter(s -> !s.saleExternalId().equals(invoiceId)).findFirst();
        if (counted.isPresent()) {
            return Handled.ignored("its payment is counted already as sale " + counted.get().saleExternalId());
        }
        JsonNode subscription = first(nonEmpty(StripeJson.at(invoice, "parent", "subscription_details")),
                nonEmpty(StripeJson.at(invoice, "subscription_details")), invoice);
        String subscriptionId = first(id(invoice, "subscription"), id(subscription, "subscription"));
        EventInput input = new EventInput(invoiceId, "sale", first(paidAt(invoice), event.created()),
                new EventInput.CustomerInput(id(invoice, "customer"), text(invoice, "customer_email"),
                        text(invoice, "customer_name"), null),
                first(metadata(invoice, "tnd_click"), metadata(subscription, "tnd_click")),
                code(workspace, Stream.of(invoice, subscription),
                        Stream.concat(list(invoice, "discounts"), Stream.of(StripeJson.at(invoice, "discount")))),
                null, first(metadata(invoice, "tnd_program"), metadata(subscription, "tnd_program")), net,
                currency(invoice), null, stripeIds(invoiceId, subscriptionId));
        EventId recorded = intake.record(workspace, input);
        long paid = first(number(invoice, "amount_paid"), number(invoice, "total"), net);
        sales.link(workspace, payments, invoiceId, paid);
        return Handled.recorded(List.of(recorded), "sale " + invoiceId);
    }

    /**
     * {@code invoice_payment.paid} (API versions from 2025-03-31, whose invoices no longer name their
     * payment intent or charge): links the payment to the invoice's sale, so its refunds find it. The
     * invoice's sale has the invoice's id, so the order in which the two events arrive does not matter.
     */
    Handled invoicePayment(WorkspaceId workspace, StripeEvent event) {
        JsonNode payment = event.object();
        String invoiceId = id(payment, "invoice");
        List<String> paidWith = present(id(payment, "payment", "payment_intent"), id(payment, "payment", "charge"));
        if (invoiceId == null || paidWith.isEmpty()) {
            return Handled.ignored("names no invoice or no payment intent or charge");
        }
        String sale = sales.find(workspace, List.of(invoiceId)).map(SaleMapRepository.MappedSale::saleExternalId)
                .orElse(invoiceId);
        sales.link(workspace, paidWith, sale, first(number(payment, "amount_paid"), 0L));
        return Handled.ignored("payment " + String.join(", ", paidWith) + " of invoice " + invoiceId
                + " noted for its refunds");
    }

    /** The invoice and the payments that paid it, as the API versions before and after 2025-03-31 name them. */
    private static List<String> payments(JsonNode invoice) {
        List<String> ids = new java.util.ArrayList<>(present(text(invoice, "id"), id(invoice, "payment_intent"),
                id(invoice, "charge")));
        list(invoice, "payments").forEach(p -> ids.addAll(present(id(p, "payment", "payment_intent"),
                id(p, "payment", "charge"))));
        return ids;
    }

    /** {@code total_excluding_tax}, else the total less its taxes as the older and newer API versions list them. */
    private static Long netOfTax(JsonNode invoice) {
        Long excluding = number(invoice, "total_excluding_tax");
        Long total = number(invoice, "total");
        if (excluding != null || total == null) {
            return excluding;
        }
        Long tax = number(invoice, "tax");
        if (tax == null) {
            tax = Stream.concat(list(invoice, "total_tax_amounts"), list(invoice, "total_taxes"))
                    .mapToLong(t -> first(number(t, "amount"), 0L)).sum();
        }
        return total - tax;
    }

    private static java.time.Instant paidAt(JsonNode invoice) {
        Long paidAt = number(invoice, "status_transitions", "paid_at");
        return paidAt == null ? null : java.time.Instant.ofEpochSecond(paidAt);
    }

    private static EventInput.CustomerInput customer(JsonNode session) {
        return new EventInput.CustomerInput(id(session, "customer"),
                first(text(session, "customer_details", "email"), text(session, "customer_email")),
                text(session, "customer_details", "name"), null);
    }

    /** The Tandem code of the first mapped promotion code among the discounts, else a {@code metadata.tnd_code}. */
    private String code(WorkspaceId workspace, Stream<JsonNode> withMetadata, Stream<JsonNode> discounts) {
        List<String> promotionCodes = discounts.map(d -> id(d, "promotion_code")).filter(java.util.Objects::nonNull)
                .toList();
        return accounts.codeOf(workspace, promotionCodes)
                .orElseGet(() -> withMetadata.map(o -> metadata(o, "tnd_code")).filter(java.util.Objects::nonNull)
                        .findFirst().orElse(null));
    }

    private static String currency(JsonNode object) {
        String currency = text(object, "currency");
        return currency == null ? null : currency.toUpperCase(Locale.ROOT);
    }

    private static Map<String, Object> stripeIds(String objectId, String subscriptionId) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("stripe", objectId);
        if (subscriptionId != null) {
            metadata.put("stripeSubscription", subscriptionId);
        }
        return metadata;
    }

    private static JsonNode nonEmpty(JsonNode node) {
        return node.isObject() && !node.isEmpty() ? node : null;
    }
}
