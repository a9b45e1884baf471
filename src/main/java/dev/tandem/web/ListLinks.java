package dev.tandem.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    record Links(String path, Map<String, List<String>> parameters) {

        /** This page sorted by the key: the other way round when it already is. */
        public String sort(ListRequest list, String key) {
            return with(key, list.nextDirection(key), 1);
        }

        /**
         * The same links for the list at another address (path and query): a page that a form posted
         * elsewhere shows again (a refused bulk change at {@code /admin/commissions/bulk}) names its
         * list's own address in the model as {@code listAt}, and {@code templates/lists.html} uses it.
         */
        public Links at(String address) {
            int query = address.indexOf('?');
            return new Links(query < 0 ? address : address.substring(0, query),
                    ListLinks.query(query < 0 ? null : address.substring(query + 1)));
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
        return new Links(request.getRequestURI(), query(request.getQueryString()));
    }

    // the URL's own parameters only: a form posted to a page that shows a list again must not leak
    // its fields (or its CSRF token) into the list's links
    static Map<String, List<String>> query(String queryString) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return parameters;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            catch (IllegalArgumentException malformed) {
                // a broken escape (%zz) the servlet container ignored too: not carried on
            }
        }
        return parameters;
    }
}
