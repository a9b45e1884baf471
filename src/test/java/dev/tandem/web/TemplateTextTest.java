package dev.tandem.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a page shows comes from the message bundles, so it exists in all five languages: a
 * template's own text (the natural-template sample Thymeleaf replaces aside) and its placeholder,
 * title, alt and aria-label attributes must not carry words of their own.
 */
class TemplateTextTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    // replaced wholly at run time: whatever sample text they hold is never shown
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert",
            "th:remove");
    private static final Set<String> SHOWN_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label");
    // language-neutral samples: codes, ids and formats that read the same in every language
    private static final Pattern NEUTRAL = Pattern.compile(
            "(?:[A-Z]{3}|[A-Z]{2}|[a-z]+_…|[a-z]+_(?:live|test)_…|https?://\\S*|[\\w.+-]+@[\\w.-]+|[A-Z0-9 ]{4,}|Tandem|\\S*\\d\\S*)");

    @Test
    void pagesCarryNoWordsOfTheirOwn() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                Document page = Jsoup.parse(Files.readString(file));
                String name = TEMPLATES.relativize(file).toString();
                NodeTraversor.traverse((node, depth) -> check(name, node, found), page);
            }
        }
        assertThat(found).as("words that do not come from a message bundle (use th:text=\"#{…}\")").isEmpty();
    }

    private static void check(String file, Node node, List<String> found) {
        if (node instanceof TextNode text && !replaced(node)) {
            String words = text.text().strip();
            if (WORD.matcher(words).find() && !words.startsWith("[[") && !words.startsWith("[(")
                    && !NEUTRAL.matcher(words).matches()) {
                found.add(file + ": \"" + words + "\"");
            }
        }
        if (node instanceof Element e) {
            for (String attribute : SHOWN_ATTRIBUTES) {
                String value = e.attr(attribute);
                if (!value.isEmpty() && !e.hasAttr("th:" + attribute) && !e.hasAttr("th:attr")
                        && WORD.matcher(value).find() && !NEUTRAL.matcher(value.strip()).matches()) {
                    found.add(file + ": " + attribute + "=\"" + value + "\"");
                }
            }
        }
    }

    private static boolean replaced(Node node) {
        for (Node at = node.parentNode(); at != null; at = at.parentNode()) {
            if (at instanceof Element e) {
                String tag = e.tagName();
                if (tag.equals("script") || tag.equals("style") || tag.equals("th:block") && e.hasAttr("th:text")) {
                    return true;
                }
                for (String attribute : REPLACING) {
                    if (e.hasAttr(attribute)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
