package dev.tandem.program;

import java.net.URI;

/**
 * What a program does with visitors and customers beyond the basics.
 *
 * @param fallbackDestination where a disabled link sends its visitors; null: they see a "link disabled" page (410)
 * @param lifetimeBinding     whether a customer, once attributed, stays with the partner for life (the default),
 *                            or may be won over by a later click of another partner
 */
public record TrackingSettings(URI fallbackDestination, boolean lifetimeBinding) {
}
