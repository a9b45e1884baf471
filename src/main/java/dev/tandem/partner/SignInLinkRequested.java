package dev.tandem.partner;

/**
 * Someone asked for a portal sign-in link for this address. Handled after the request has been
 * answered, so that the answer takes as long for a stranger's address as for a partner's.
 */
public record SignInLinkRequested(String email) {
}
