package dev.tandem.program;

import java.util.List;

/** A question the manager adds to the application form: free text, a choice among options, or yes/no. */
public record ApplicationQuestion(ProgramId programId, QuestionId id, int position, String label, Kind kind,
        List<String> options, boolean required) {

    public enum Kind {
        TEXT, CHOICE, YES_NO;

        public String code() {
            return name().toLowerCase();
        }

        public static Kind fromCode(String code) {
            return valueOf(code.toUpperCase());
        }
    }
}
