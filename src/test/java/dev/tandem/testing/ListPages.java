package dev.tandem.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a list page sorted and paged on the server (templates/lists.html) out of its HTML. */
public final class ListPages {

    private ListPages() {
    }

    /** The first group of every match of {@code row} in the page, in page order (trimmed). */
    public static List<String> rows(String body, Pattern row) {
        List<String> found = new ArrayList<>();
        Matcher m = row.matcher(body);
        while (m.find()) {
            found.add(m.group(1).trim());
        }
        return found;
    }

    /** The opening tags of the sortable header {@code key} and its link (with aria-sort and the next order). */
    public static String headerOf(String body, String key) {
        Matcher m = Pattern.compile("<th[^>]*>\\s*<a class=\"sort\"[^>]*data-sort-key=\"" + key + "\"[^>]*>").matcher(body);
        assertThat(m.find()).as("a sortable header for " + key).isTrue();
        return m.group().replace("&amp;", "&");
    }

    /** The first group of {@code pattern} in the page, unescaped: e.g. the Next link's address. */
    public static String link(String html, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(html);
        assertThat(m.find()).as(pattern).isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
