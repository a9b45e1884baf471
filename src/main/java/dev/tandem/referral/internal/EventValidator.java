package dev.tandem.referral.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tandem.core.EmailAddresses;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Money;
import dev.tandem.partner.PartnerId;
import dev.tandem.program.ProgramId;
import dev.tandem.referral.EventInput;
import dev.tandem.referral.EventType;
import dev.tandem.workspace.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * Every rule an incoming event must meet, checked all at once so that one answer lists every
 * field that is wrong (422). Nothing is written here.
 */
@Component
public class EventValidator {

    private static final int MAX_TEXT = 200;
    private static final int MAX_METADATA = 16 * 1024;

    private final EventRepository events;
    private final ProgramCatalog programs;

    EventValidator(EventRepository events, ProgramCatalog programs) {
        this.events = events;
        this.programs = programs;
    }

    /**
     * @param earlier problems the caller found already (e.g. an unparseable {@code occurredAt})
     * @throws InvalidInputException listing every problem
     */
    public CheckedEvent check(WorkspaceId workspace, EventInput in, Instant now, List<FieldProblem> earlier) {
        List<FieldProblem> problems = new ArrayList<>(earlier);
        String externalId = text(in.id(), "id", problems, true);
        EventType type = type(in.type(), problems);
        CheckedEvent.CustomerKey customer = customer(in.customer(), type, problems);
        PartnerId partner = parse(in.partnerId(), "partnerId", "must be a partner id (ptr_…)", PartnerId::parse, problems);
        ProgramId program = parse(in.programId(), "programId", "must be a program id (prg_…)", ProgramId::parse, problems);
        if (program != null && programs.find(workspace, program).isEmpty()) {
            problems.add(problem("programId", "names no program of this workspace"));
        }
        Money amount = amount(in, type, problems);
        EventRepository.Sale sale = refundOf(workspace, in, type, amount, problems);
        String metadata = metadata(in.metadata(), problems);
        if (!problems.isEmpty()) {
            // one problem per field: the first found says most (an unreadable amount is not also "missing")
            Map<String, FieldProblem> byField = new java.util.LinkedHashMap<>();
            problems.forEach(p -> byField.putIfAbsent(p.field(), p));
            throw new InvalidInputException(List.copyOf(byField.values()));
        }
        return new CheckedEvent(externalId, type, in.occurredAt() == null ? now : in.occurredAt(), customer,
                blankToNull(in.clickId()), blankToNull(in.code()), partner, program, amount, sale, metadata);
    }

    private static EventType type(String type, List<FieldProblem> problems) {
        if (type == null || type.isBlank()) {
            problems.add(problem("type", "is required"));
            return null;
        }
        Optional<EventType> parsed = EventType.fromCode(type.trim());
        if (parsed.isEmpty()) {
            problems.add(problem("type", "must be one of lead, qualified, sale, refund, chargeback"));
        }
        return parsed.orElse(null);
    }

    private static CheckedEvent.CustomerKey customer(EventInput.CustomerInput in, EventType type,
            List<FieldProblem> problems) {
        boolean needed = type == EventType.LEAD || type == EventType.SALE;
        String externalId = in == null ? null : text(in.externalId(), "customer.externalId", problems, false);
        String email = in == null ? null : blankToNull(in.email());
        if (email != null && !EmailAddresses.valid(email)) {
            problems.add(problem("customer.email", "must be an email"));
            email = null;
        }
        String name = in == null ? null : text(in.name(), "customer.name", problems, false);
        String company = in == null ? null : text(in.company(), "customer.company", problems, false);
        if (externalId == null && email == null) {
            boolean emailWasBad = in != null && in.email() != null && !in.email().isBlank();
            if (needed && !emailWasBad) {
                problems.add(problem("customer", "needs an externalId or an email"));
            }
            return null;
        }
        return new CheckedEvent.CustomerKey(externalId, email == null ? null : EmailAddresses.normalised(email), name,
                company);
    }

    private static Money amount(EventInput in, EventType type, List<FieldProblem> problems) {
        boolean money = type == EventType.SALE || type == EventType.REFUND || type == EventType.CHARGEBACK;
        Long amount = in.amount();
        if (amount == null) {
            if (money) {
                problems.add(problem("amount", "is required for a " + type.code()));
            }
            if (in.currency() != null && !in.currency().isBlank() && !money) {
                problems.add(problem("amount", "is required with a currency"));
            }
            return null;
        }
        if (amount <= 0) {
            problems.add(problem("amount", "must be greater than 0 (in minor units of the currency)"));
        }
        Currency currency = currency(in.currency(), problems);
        return amount > 0 && currency != null ? new Money(amount, currency) : null;
    }

    private static Currency currency(String code, List<FieldProblem> problems) {
        if (code == null || code.isBlank()) {
            problems.add(problem("currency", "is required with an amount"));
            return null;
        }
        Optional<Currency> currency = Money.currency(code.trim());
        if (currency.isEmpty()) {
            problems.add(problem("currency", "must be an ISO 4217 currency code in upper case, e.g. EUR"));
        }
        return currency.orElse(null);
    }

    private EventRepository.Sale refundOf(WorkspaceId workspace, EventInput in, EventType type, Money amount,
            List<FieldProblem> problems) {
        boolean refund = type == EventType.REFUND || type == EventType.CHARGEBACK;
        String refundOf = blankToNull(in.refundOf());
        if (!refund) {
            if (refundOf != null && type != null) {
                problems.add(problem("refundOf", "only a refund or a chargeback names a sale"));
            }
            return null;
        }
        if (refundOf == null) {
            problems.add(problem("refundOf", "is required for a " + type.code() + ": the id of the sale it takes back"));
            return null;
        }
        Optional<EventRepository.Sale> sale = events.saleByExternalId(workspace, refundOf)
                .filter(s -> s.event().type() == EventType.SALE);
        if (sale.isEmpty()) {
            problems.add(problem("refundOf", "names no sale of this workspace"));
            return null;
        }
        Money sold = sale.get().event().amount();
        if (amount != null) {
            if (!amount.currency().equals(sold.currency())) {
                problems.add(problem("currency", "must be " + sold.currency().getCurrencyCode() + ", the currency of the sale"));
            } else if (amount.amount() > sold.amount() - sale.get().refunded()) {
                problems.add(problem("amount", "is more than what remains of the sale: "
                        + (sold.amount() - sale.get().refunded()) + " of " + sold.amount() + " "
                        + sold.currency().getCurrencyCode()));
            }
        }
        return sale.get();
    }

    private static String metadata(Map<String, Object> metadata, List<FieldProblem> problems) {
        if (metadata == null) {
            return "{}";
        }
        String json = AttributionJson.JSON.writeValueAsString(metadata);
        if (json.length() > MAX_METADATA) {
            problems.add(problem("metadata", "must be at most 16 KB of JSON"));
        }
        return json;
    }

    private static String text(String value, String field, List<FieldProblem> problems, boolean required) {
        String trimmed = blankToNull(value);
        if (trimmed == null) {
            if (required) {
                problems.add(problem(field, "is required"));
            }
            return null;
        }
        if (trimmed.length() > MAX_TEXT) {
            problems.add(problem(field, "must be at most " + MAX_TEXT + " characters"));
            return null;
        }
        return trimmed;
    }

    private static <T> T parse(String value, String field, String message, java.util.function.Function<String, T> parser,
            List<FieldProblem> problems) {
        String trimmed = blankToNull(value);
        if (trimmed == null) {
            return null;
        }
        try {
            return parser.apply(trimmed);
        } catch (IllegalArgumentException malformed) {
            problems.add(problem(field, message));
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static FieldProblem problem(String field, String message) {
        String code = message.equals("is required") ? "validation.required"
                : message.equals("must be an email") ? "validation.email"
                : message.startsWith("must be at most") ? "validation.tooLong" : "validation.invalid";
        return new FieldProblem(field, message, code);
    }
}
