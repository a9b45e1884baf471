package dev.tandem.program.web;

import java.util.Arrays;
import java.util.List;

/** What the program pages share: text areas read as lists and numbers. */
final class PageForms {

    private PageForms() {
    }

    /** One entry per non-empty line: for values that may contain spaces (options, expected values). */
    static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Host names and domains: one per line, but commas and spaces separate them too. */
    static List<String> words(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[\\s,;]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String joinLines(List<String> values) {
        return String.join("\n", values);
    }

    /**
     * A number typed into a form; blank is null. Something that is not a number becomes
     * {@code invalid}, a value the service refuses, so that it is reported with every other problem.
     */
    static Integer number(String text, int invalid) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException notANumber) {
            return invalid;
        }
    }
}
