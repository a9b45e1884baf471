package dev.tandem.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

import dev.tandem.core.ListRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The links of a sorted, paged list ({@code templates/lists.html}): the same page with another
 * sort or another page number, keeping every other query parameter (filters, search) as the
 * reader set it. A new sort starts again at page 1.
 */
@ControllerAdvice(annotations = Controller.class)
class ListLinks {

    /** The links of the current request, as {@code ${lists}} in templates. */
    record Links(String path, Map<String, String[]> parameters) {

        /** This page sorted by the key: the other way round when it already is. */
        public String sort(ListRequest list, String key) {
            return with(key, list.nextDirection(key), 1);
        }

        /** This page's order at another page number. */
        public String page(ListRequest list, int page) {
            return with(list.sort(), list.dir(), page);
        }

        // form-encoded by hand: a '+' in a search must stay a plus, not become a space
        private String with(String sort, String dir, int page) {
            StringJoiner query = new StringJoiner("&", path + "?", "");
            parameters.forEach((name, values) -> {
                if (!name.equals("sort") && !name.equals("dir") && !name.equals("page")) {
                    for (String value : values) {
                        query.add(encode(name) + "=" + encode(value));
                    }
                }
            });
            query.add("sort=" + encode(sort)).add("dir=" + dir);
            if (page > 1) {
                query.add("page=" + page);
            }
            return query.toString();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    @ModelAttribute("lists")
    Links lists(HttpServletRequest request) {
        return new Links(request.getRequestURI(), request.getParameterMap());
    }
}
