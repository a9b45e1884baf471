package dev.tandem.partner;

import java.util.Locale;

/**
 * A part of the portal's home that another module adds (the partner's figures, say) without the
 * partner module knowing that module: the home page shows the fragment {@code homeSection(data)} of
 * {@link #template()} for each section bean, in bean order, under the partner's programs.
 */
public interface PortalHomeSection {

    /** The template that holds the fragment {@code homeSection(data)}, e.g. {@code insight/portal/home}. */
    String template();

    /** What the fragment shows to this partner, in their language; null shows nothing. */
    Object data(PartnerPrincipal me, Locale locale);
}
