package dev.tandem.core;

/**
 * A signed-in person who chose the language Tandem speaks to them; null means "follow the
 * browser". Lets the shared web layer pick the language without knowing who signed in.
 */
public interface SpeaksLanguage {

    Language language();
}
