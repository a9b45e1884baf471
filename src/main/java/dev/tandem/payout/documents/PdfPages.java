package dev.tandem.payout.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A4 pages filled from the top in rows of wrapped text, flowing onto a new page when a row does not fit. The
 * fonts are the PDF standard Helvetica pair: every reader has them, nothing is embedded, and their WinAnsi
 * encoding covers the Latin letters of Tandem's five languages and the euro sign. A character they cannot
 * encode is printed as '?' rather than failing the whole document.
 */
final class PdfPages implements AutoCloseable {

    static final float LEFT = 50;
    static final float RIGHT = PDRectangle.A4.getWidth() - 50;
    static final float WIDTH = RIGHT - LEFT;
    private static final float TOP = PDRectangle.A4.getHeight() - 50;
    private static final float BOTTOM = 60;

    /** A piece of text in a column of a row; {@code alignRight} aligns each of its lines to the column's right edge. */
    record Cell(float x, float width, String text, boolean strong, float size, boolean alignRight, float gray) {

        static Cell of(float x, float width, String text) {
            return new Cell(x, width, text, false, 9, false, 0);
        }

        Cell bold() {
            return new Cell(x, width, text, true, size, alignRight, gray);
        }

        Cell size(float points) {
            return new Cell(x, width, text, strong, points, alignRight, gray);
        }

        Cell right() {
            return new Cell(x, width, text, strong, size, true, gray);
        }

        Cell gray(float level) {
            return new Cell(x, width, text, strong, size, alignRight, level);
        }
    }

    private final PDDocument document = new PDDocument();
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<String, Boolean> encodable = new HashMap<>();
    private PDPageContentStream out;
    private float y;
    private Runnable continuation;

    PdfPages(String title) {
        document.getDocumentInformation().setTitle(title);
        newPage();
    }

    /** Draws one row: each cell wrapped to its width, the row as tall as its tallest cell. */
    void row(List<Cell> cells) {
        List<List<String>> wrapped = new ArrayList<>();
        float height = 0;
        float tallest = 0;
        for (Cell cell : cells) {
            List<String> lines = wrap(cell);
            wrapped.add(lines);
            height = Math.max(height, lines.size() * leading(cell.size()));
            tallest = Math.max(tallest, cell.size());
        }
        ensure(height);
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            // one baseline for the row's first lines, so a smaller font (the ids) does not ride higher
            float baseline = y - tallest;
            for (String line : wrapped.get(c)) {
                draw(cell, line, baseline);
                baseline -= leading(cell.size());
            }
        }
        y -= height;
    }

    void row(Cell... cells) {
        row(List.of(cells));
    }

    void gap(float points) {
        y -= points;
    }

    /** A thin line across the page, to set the table's header and total apart. */
    void rule() {
        ensure(4);
        try {
            out.setStrokingColor(0.6f);
            out.setLineWidth(0.5f);
            out.moveTo(LEFT, y - 2);
            out.lineTo(RIGHT, y - 2);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= 4;
    }

    /** What to draw at the top of each further page (a table's header), or null once the table is over. */
    void onNewPage(Runnable header) {
        this.continuation = header;
    }

    /** Writes the footer on every page ({@code footer} is given the page and the page count) and the PDF. */
    byte[] finish(String left, BiFunction<Integer, Integer, String> footer) {
        try {
            out.close();
            int count = document.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                out = new PDPageContentStream(document, document.getPage(i), PDPageContentStream.AppendMode.APPEND,
                        true);
                draw(Cell.of(LEFT, WIDTH, left).size(7.5f).gray(0.4f), printable(regular, left), 35);
                String page = printable(regular, footer.apply(i + 1, count));
                draw(Cell.of(LEFT, WIDTH, page).size(7.5f).gray(0.4f).right(), page, 35);
                out.close();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensure(float height) {
        if (y - height >= BOTTOM) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        newPage();
        if (continuation != null) {
            continuation.run();
        }
    }

    private void newPage() {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try {
            out = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = TOP;
    }

    private void draw(Cell cell, String line, float baseline) {
        if (line.isEmpty()) {
            return;
        }
        PDFont font = cell.strong() ? bold : regular;
        float x = cell.alignRight() ? cell.x() + cell.width() - width(font, cell.size(), line) : cell.x();
        try {
            out.setNonStrokingColor(cell.gray());
            out.beginText();
            out.setFont(font, cell.size());
            out.newLineAtOffset(x, baseline);
            out.showText(line);
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell's text in lines that fit its width: at spaces where possible, inside a long word where not. */
    private List<String> wrap(Cell cell) {
        PDFont font = cell.strong() ? bold : regular;
        List<String> lines = new ArrayList<>();
        for (String paragraph : cell.text().replace("\r\n", "\n").split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : printable(font, paragraph).split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, cell.size(), candidate) <= cell.width()) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                for (int i = 0; i < word.length(); i++) {
                    if (!line.isEmpty() && width(font, cell.size(), line.toString() + word.charAt(i)) > cell.width()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.append(word.charAt(i));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text with each character the font cannot encode replaced by '?', and control characters dropped. */
    private String printable(PDFont font, String text) {
        StringBuilder safe = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\t') {
                safe.append(' ');
            } else if (!Character.isISOControl(c)) {
                String character = new String(Character.toChars(c));
                safe.append(encodable.computeIfAbsent(font.getName() + ':' + c, k -> encodes(font, character))
                        ? character : "?");
            }
        });
        return safe.toString();
    }

    private static boolean encodes(PDFont font, String character) {
        try {
            font.encode(character);
            return true;
        } catch (IllegalArgumentException | IOException unencodable) {
            return false;
        }
    }

    private static float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float leading(float size) {
        return size * 1.35f;
    }
}
