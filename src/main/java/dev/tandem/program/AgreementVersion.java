package dev.tandem.program;

import java.time.Instant;
import java.util.HexFormat;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * One published version of the terms partners accept. {@code tierId} is null for the program's
 * own agreement; a tier's agreement, when it has one, replaces it for that tier's partners. The
 * SHA-256 of the exact text is what an acceptance records.
 */
public record AgreementVersion(ProgramId programId, AgreementVersionId id, TierId tierId, int version, String title,
        String bodyMarkdown, byte[] textSha256, Instant publishedAt) {

    private static final Parser MARKDOWN = Parser.builder().build();
    // raw HTML in the Markdown is shown as text and link targets are sanitised: terms are text, not code
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String html() {
        return HTML.render(MARKDOWN.parse(bodyMarkdown));
    }

    public String textHash() {
        return HexFormat.of().formatHex(textSha256);
    }
}
