package dev.tandem.payout.documents;

import static dev.tandem.payout.documents.PdfPages.LEFT;
import static dev.tandem.payout.documents.PdfPages.RIGHT;
import static dev.tandem.payout.documents.PdfPages.WIDTH;

import java.util.ArrayList;
import java.util.List;

import dev.tandem.core.Money;
import dev.tandem.payout.documents.PdfPages.Cell;

/** The parts a statement and an invoice share: the title, the two parties, labelled facts, the table of lines. */
final class Sections {

    private static final float HALF = (WIDTH - 15) / 2;
    private static final float LABEL = 140;
    // the table's columns: date, commission id, kind, explanation, amount (right-aligned to the page's edge)
    private static final float ID_X = LEFT + 64;
    private static final float KIND_X = LEFT + 184;
    private static final float TEXT_X = LEFT + 250;
    private static final float AMOUNT_WIDTH = 80;
    private static final float AMOUNT_X = RIGHT - AMOUNT_WIDTH;

    private Sections() {
    }

    static void title(PdfPages pdf, String title, String subtitle) {
        pdf.row(Cell.of(LEFT, WIDTH, title).bold().size(18));
        if (!subtitle.isBlank()) {
            pdf.row(Cell.of(LEFT, WIDTH, subtitle).size(11).gray(0.3f));
        }
        pdf.gap(14);
    }

    /** Two parties side by side, each under its role ("Supplier", "Paid to"). */
    static void parties(PdfPages pdf, Words words, String leftRole, Party left, String rightRole, Party right) {
        float second = LEFT + HALF + 15;
        pdf.row(Cell.of(LEFT, HALF, leftRole).size(8).gray(0.4f), Cell.of(second, HALF, rightRole).size(8).gray(0.4f));
        pdf.row(Cell.of(LEFT, HALF, left.name()).bold().size(10), Cell.of(second, HALF, right.name()).bold().size(10));
        pdf.row(Cell.of(LEFT, HALF, details(words, left)), Cell.of(second, HALF, details(words, right)));
        pdf.gap(12);
    }

    /** A label and its value on one row, e.g. "Invoice number  SB-2026-000017". */
    static void fact(PdfPages pdf, String label, String value) {
        pdf.row(Cell.of(LEFT, LABEL - 5, label).bold(), Cell.of(LEFT + LABEL, WIDTH - LABEL, value));
    }

    /** The lines as a table; its header is repeated at the top of every page the table flows onto. */
    static void lines(PdfPages pdf, Words words, List<Line> lines) {
        Runnable header = () -> {
            pdf.row(Cell.of(LEFT, 60, words.get("table.date")).bold().size(8),
                    Cell.of(ID_X, KIND_X - ID_X - 4, words.get("table.commission")).bold().size(8),
                    Cell.of(KIND_X, TEXT_X - KIND_X - 4, words.get("table.kind")).bold().size(8),
                    Cell.of(TEXT_X, AMOUNT_X - TEXT_X - 4, words.get("table.explanation")).bold().size(8),
                    Cell.of(AMOUNT_X, AMOUNT_WIDTH, words.get("table.amount")).bold().size(8).right());
            pdf.rule();
        };
        pdf.gap(8);
        header.run();
        pdf.onNewPage(header);
        for (Line line : lines) {
            pdf.row(Cell.of(LEFT, 60, words.date(line.date())).size(8),
                    Cell.of(ID_X, KIND_X - ID_X - 4, line.commissionId()).size(7.5f),
                    Cell.of(KIND_X, TEXT_X - KIND_X - 4, words.kind(line.kind())).size(8),
                    Cell.of(TEXT_X, AMOUNT_X - TEXT_X - 4, line.explanation()).size(8),
                    Cell.of(AMOUNT_X, AMOUNT_WIDTH, words.money(line.amount())).size(8).right());
            pdf.gap(2);
        }
        pdf.onNewPage(null);
        pdf.rule();
    }

    /** An amount under the table's amount column, labelled to its left ("Total  50,49 €"). */
    static void amount(PdfPages pdf, Words words, String label, Money amount, boolean emphasised) {
        Cell labelCell = Cell.of(LEFT, AMOUNT_X - LEFT - 8, label).right();
        Cell amountCell = Cell.of(AMOUNT_X, AMOUNT_WIDTH, words.money(amount)).right();
        pdf.row(emphasised ? labelCell.bold().size(10) : labelCell, emphasised ? amountCell.bold().size(10) : amountCell);
    }

    /** A short labelled figure under the table, aligned like an amount (the VAT rate). */
    static void figure(PdfPages pdf, String label, String value) {
        pdf.row(Cell.of(LEFT, AMOUNT_X - LEFT - 8, label).right(), Cell.of(AMOUNT_X, AMOUNT_WIDTH, value).right());
    }

    /** A labelled remark under the totals, right-aligned and wrapped if long (an exchange rate and its source). */
    static void remark(PdfPages pdf, String label, String value) {
        pdf.row(Cell.of(LEFT + HALF, WIDTH - HALF, label + ": " + value).size(8).right());
    }

    static void paragraph(PdfPages pdf, String text, boolean bold) {
        Cell cell = Cell.of(LEFT, WIDTH, text);
        pdf.row(bold ? cell.bold().size(11) : cell);
    }

    private static String details(Words words, Party party) {
        List<String> lines = new ArrayList<>();
        if (!party.address().isBlank()) {
            lines.add(party.address().strip());
        }
        if (!party.country().isBlank()) {
            lines.add(words.country(party.country()));
        }
        if (!party.vatId().isBlank()) {
            lines.add(words.get("doc.vatId") + ": " + party.vatId());
        }
        if (!party.email().isBlank()) {
            lines.add(party.email());
        }
        return String.join("\n", lines);
    }
}
