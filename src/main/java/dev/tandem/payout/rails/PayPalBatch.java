package dev.tandem.payout.rails;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.tandem.core.EmailAddresses;
import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;
import dev.tandem.core.Money;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch of PayPal payouts to email addresses, as the file a business uploads in PayPal's Payouts Web
 * or as the body of one {@code POST /v1/payments/payouts} call. Both are checked before anything is
 * written, so a batch PayPal would refuse in part is refused here as a whole, naming each item.
 *
 * <p>Sources: PayPal, "Use Web UI" / "Payouts Web" (developer.paypal.com/payouts/use-payouts/send-money/use-web-ui,
 * developer.paypal.com/docs/payouts/standard/payouts-web): no header row, one payout per row with recipient,
 * amount, currency, customer id (unique, at most 30 characters, no spaces), note (at most 400 characters) and
 * recipient wallet; one currency per file; at most 5,000 rows. PayPal, Payouts API v1 {@code create_payout_request}
 * (developer.paypal.com/api/payments.payouts-batch/v1): at most 15,000 items, {@code sender_batch_id} at most 256
 * and {@code email_subject} at most 255 characters, receiver at most 127. PayPal, "Payouts country and currency
 * codes" (developer.paypal.com/limited-release/payouts/reference/country-and-currency-codes): the currencies below,
 * of which HUF, JPY and TWD take no decimals; RUB and IDR are left out (PayPal no longer serves Russia; IDR is
 * missing from PayPal's general currency list).
 */
public final class PayPalBatch {

    /** Most payouts one API call may carry. */
    public static final int MAX_API_ITEMS = 15_000;
    /** Most rows one Payouts Web file may carry. */
    public static final int MAX_FILE_ROWS = 5_000;

    /** BRL and MYR are paid only to accounts in Brazil and Malaysia; PayPal converts for anyone else. */
    static final Set<String> CURRENCIES = Set.of("AUD", "BRL", "CAD", "CHF", "CZK", "DKK", "EUR", "GBP", "HKD",
            "HUF", "ILS", "JPY", "MXN", "MYR", "NOK", "NZD", "PHP", "PLN", "SEK", "SGD", "TWD", "USD");
    /** PayPal refuses decimals in these even where ISO 4217 gives them two (HUF, TWD). */
    static final Set<String> WHOLE_UNITS = Set.of("HUF", "JPY", "TWD");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NO_SPACE = Pattern.compile("\\S+");
    private static final int MAX_RECEIVER = 127;
    private static final int MAX_FILE_ID = 30;
    private static final int MAX_API_ID = 40;
    private static final int MAX_FILE_NOTE = 400;
    // the API counts 4,000 ASCII or 1,000 other characters; 1,000 fits either
    private static final int MAX_API_NOTE = 1_000;

    private PayPalBatch() {
    }

    /** One payout to a PayPal account, named by the email address PayPal knows it by. */
    public record Item(String receiverEmail, PayoutLine line) {
    }

    /**
     * The Payouts Web upload file: one CRLF-terminated row per item, no header row.
     *
     * @throws InvalidInputException naming each item PayPal would refuse, or {@code items} itself when the
     *         file is empty, too long or mixes currencies
     */
    public static String csv(List<Item> items) {
        check(items, MAX_FILE_ROWS, MAX_FILE_ID, true);
        StringBuilder out = new StringBuilder();
        for (Item item : items) {
            PayoutLine line = item.line();
            out.append(Csv.record(Arrays.asList(item.receiverEmail().strip(), value(line.amount()),
                    line.amount().currency().getCurrencyCode(), line.payoutId(),
                    Csv.cut(Csv.oneLine(line.note()), MAX_FILE_NOTE), "PAYPAL")));
        }
        return out.toString();
    }

    /**
     * The JSON body of {@code POST /v1/payments/payouts}. PayPal pays a {@code sender_batch_id} only once in
     * 30 days, so a retry after a 5xx must send the same id.
     *
     * @param emailSubject subject of PayPal's email to each partner; may be null for PayPal's own
     * @throws InvalidInputException naming each field PayPal would refuse
     */
    public static String requestBody(String senderBatchId, String emailSubject, List<Item> items) {
        List<FieldProblem> problems = new ArrayList<>();
        if (senderBatchId == null || senderBatchId.isBlank() || senderBatchId.length() > 256) {
            problems.add(new FieldProblem("senderBatchId", "must be 1 to 256 characters"));
        }
        if (emailSubject != null && emailSubject.length() > 255) {
            problems.add(new FieldProblem("emailSubject", "must be at most 255 characters"));
        }
        problems.addAll(problems(items, MAX_API_ITEMS, MAX_API_ID, false));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ObjectNode body = JSON.createObjectNode();
        ObjectNode header = body.putObject("sender_batch_header");
        header.put("sender_batch_id", senderBatchId);
        if (emailSubject != null && !emailSubject.isBlank()) {
            header.put("email_subject", Csv.oneLine(emailSubject));
        }
        ArrayNode array = body.putArray("items");
        for (Item item : items) {
            PayoutLine line = item.line();
            ObjectNode node = array.addObject();
            node.put("recipient_type", "EMAIL");
            ObjectNode amount = node.putObject("amount");
            amount.put("value", value(line.amount()));
            amount.put("currency", line.amount().currency().getCurrencyCode());
            node.put("receiver", item.receiverEmail().strip());
            if (line.note() != null && !line.note().isBlank()) {
                node.put("note", Csv.cut(line.note(), MAX_API_NOTE));
            }
            node.put("sender_item_id", line.payoutId());
        }
        return JSON.writeValueAsString(body);
    }

    /** The amount as PayPal reads it: a plain decimal with the currency's digits, none for HUF, JPY, TWD. */
    static String value(Money amount) {
        BigDecimal major = amount.toMajor();
        return WHOLE_UNITS.contains(amount.currency().getCurrencyCode())
                ? major.setScale(0).toPlainString()
                : major.toPlainString();
    }

    private static void check(List<Item> items, int maxItems, int maxId, boolean file) {
        List<FieldProblem> problems = problems(items, maxItems, maxId, file);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static List<FieldProblem> problems(List<Item> items, int maxItems, int maxId, boolean file) {
        List<FieldProblem> problems = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            problems.add(new FieldProblem("items", "must not be empty: a batch pays someone"));
            return problems;
        }
        if (items.size() > maxItems) {
            problems.add(new FieldProblem("items", "must be at most " + maxItems + " payouts, not " + items.size()
                    + (file ? ": PayPal takes that many rows per file" : ": PayPal takes that many per call")));
            return problems;
        }
        Map<String, Integer> firstById = new HashMap<>();
        Currency fileCurrency = items.get(0).line() == null ? null : items.get(0).line().amount().currency();
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            Item item = items.get(i);
            if (item.line() == null) {
                problems.add(new FieldProblem(at + ".line", "is required"));
                continue;
            }
            String email = item.receiverEmail() == null ? "" : item.receiverEmail().strip();
            if (email.length() > MAX_RECEIVER || !EmailAddresses.valid(email)) {
                problems.add(new FieldProblem(at + ".receiverEmail", "must be an email address of at most "
                        + MAX_RECEIVER + " characters"));
            }
            amountProblem(item.line().amount(), file ? fileCurrency : null)
                    .ifPresent(reason -> problems.add(new FieldProblem(at + ".line.amount", reason)));
            String id = item.line().payoutId();
            if (id.isBlank() || id.length() > maxId || (file && !NO_SPACE.matcher(id).matches())) {
                problems.add(new FieldProblem(at + ".line.payoutId", "must be 1 to " + maxId + " characters"
                        + (file ? " without spaces" : "")));
            } else {
                Integer first = firstById.putIfAbsent(id, i);
                if (first != null) {
                    problems.add(new FieldProblem(at + ".line.payoutId", "repeats items[" + first + "]: PayPal"
                            + " needs a unique id per payout to tell them apart"));
                }
            }
        }
        return problems;
    }

    private static Optional<String> amountProblem(Money amount, Currency fileCurrency) {
        String code = amount.currency().getCurrencyCode();
        if (!CURRENCIES.contains(code)) {
            return Optional.of("is in " + code + ", which PayPal does not pay out in");
        }
        if (fileCurrency != null && !fileCurrency.equals(amount.currency())) {
            return Optional.of("must be in " + fileCurrency.getCurrencyCode()
                    + " like items[0]: a PayPal payout file holds one currency");
        }
        if (amount.amount() <= 0) {
            return Optional.of("must be more than zero");
        }
        if (WHOLE_UNITS.contains(code) && amount.toMajor().stripTrailingZeros().scale() > 0) {
            return Optional.of("must be a whole number of " + code + ": PayPal takes no decimals in it");
        }
        return Optional.empty();
    }
}
