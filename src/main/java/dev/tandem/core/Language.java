package dev.tandem.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages Tandem speaks, each named in itself so that anyone can find their own. */
public enum Language {
    EN("en", "English"),
    ES("es", "Español"),
    PT("pt", "Português"),
    IT("it", "Italiano"),
    NB("nb", "Norsk bokmål");

    /** The cookie a language picked on a public page ({@code ?lang=}) is remembered in. */
    public static final String COOKIE = "tandem_lang";

    private final String tag;
    private final String nativeName;

    Language(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
    }

    public String tag() {
        return tag;
    }

    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language for a tag or locale language ("pt-BR" → PT); Norwegian "no" and "nn" read as Bokmål. */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        String normalised = language.equals("no") || language.equals("nn") ? "nb" : language;
        return Arrays.stream(values()).filter(l -> l.tag.equals(normalised)).findFirst();
    }

    /**
     * The language for someone not signed in: the one asked for ({@code ?lang=}), else the one the
     * language cookie remembers, else the best of Accept-Language, else English.
     *
     * @param asked the {@code lang} parameter, the {@link #COOKIE} value and the Accept-Language header; each may be null
     */
    public static Language forVisitor(String asked, String remembered, String acceptLanguage) {
        return fromTag(asked).or(() -> fromTag(remembered)).or(() -> fromAcceptLanguage(acceptLanguage)).orElse(EN);
    }

    /** The best of Tandem's languages in an Accept-Language header (weights respected, q=0 excluded), if any. */
    public static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .filter(range -> range.getWeight() > 0)
                    .map(range -> fromTag(range.getRange().equals("*") ? null : range.getRange()))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
