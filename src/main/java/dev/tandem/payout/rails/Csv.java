package dev.tandem.payout.rails;

import java.util.List;

/** RFC 4180 writing: comma-separated fields, CRLF after each record, a field quoted when it must be. */
final class Csv {

    private Csv() {
    }

    /** One record with its CRLF; a null field is written empty. */
    static String record(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        return out.append("\r\n").toString();
    }

    /** The field, in double quotes with inner quotes doubled when it holds a comma, quote, CR or LF. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** The text on one line: each CR, LF or CRLF becomes a single space. */
    static String oneLine(String value) {
        return value == null ? null : value.replaceAll("\r\n|[\r\n]", " ");
    }

    /** At most {@code max} characters, never cutting a surrogate pair in half. */
    static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
