package dev.tandem.tracking;

import java.time.Instant;

/** What a click id turned out to be: a genuine click on a link at a time, or something to ignore, with the reason. */
public sealed interface ClickCheck {

    /** Signed by this workspace: the link and the moment of the click, whether or not the click row was written. */
    record Valid(LinkId linkId, Instant clickedAt) implements ClickCheck {
    }

    /** Malformed, forged or tampered with; {@code reason} says which, in words for the attribution explanation. */
    record Invalid(String reason) implements ClickCheck {
    }
}
