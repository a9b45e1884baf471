package dev.tandem.payout.rails;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.tandem.core.FieldProblem;
import dev.tandem.core.InvalidInputException;

/**
 * The spreadsheet a person works through to pay partners by hand (a bank portal, Wise, a cheque run):
 * one row per payout under a header row, RFC 4180 quoting, CRLF line ends. Names, notes and emails come
 * from partners, so a cell that a spreadsheet would run as a formula (it starts with {@code = + - @},
 * a tab or a CR) gets a leading apostrophe, as OWASP's "CSV Injection" advice has it.
 */
public final class ManualPayoutCsv {

    /** The header row's columns, in order. */
    public static final List<String> COLUMNS =
            List.of("payout_id", "partner", "email", "amount", "currency", "method", "destination", "note");

    private ManualPayoutCsv() {
    }

    /**
     * One payout to make by hand.
     *
     * @param method how to pay, e.g. {@code SEPA}, {@code Wise}
     * @param destination where to, masked for the eye, e.g. {@code IBAN ES91 •••• 1332}
     */
    public record Row(PayoutLine line, String method, String destination) {
    }

    /**
     * The file: the header row, then one row per payout, amounts as plain decimals in their currency's digits.
     *
     * @throws InvalidInputException naming each row whose amount is not more than zero
     */
    public static String write(List<Row> rows) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).line().amount().amount() <= 0) {
                problems.add(new FieldProblem("rows[" + i + "].line.amount", "must be more than zero"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        StringBuilder out = new StringBuilder(Csv.record(COLUMNS));
        for (Row row : rows) {
            PayoutLine line = row.line();
            out.append(Csv.record(Arrays.asList(inert(line.payoutId()), inert(line.partnerName()),
                    inert(line.partnerEmail()), line.amount().toMajor().toPlainString(),
                    line.amount().currency().getCurrencyCode(), inert(row.method()), inert(row.destination()),
                    inert(line.note()))));
        }
        return out.toString();
    }

    /** The text a spreadsheet shows as text: a leading apostrophe where it would otherwise start a formula. */
    static String inert(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
