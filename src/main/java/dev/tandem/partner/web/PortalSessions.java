package dev.tandem.partner.web;

import java.util.List;

import dev.tandem.partner.PartnerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The partner's sign-in, kept in the web session under its own attribute: a staff member signed
 * in to the console in the same browser stays a separate sign-in, and neither sees the other.
 */
@Component
class PortalSessions {

    static final String CONTEXT_KEY = "TANDEM_PORTAL_SECURITY_CONTEXT";
    static final String ROLE = "ROLE_PARTNER";

    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    PortalSessions() {
        repository.setSpringSecurityContextKey(CONTEXT_KEY);
    }

    HttpSessionSecurityContextRepository repository() {
        return repository;
    }

    /** Signs the partner in; the session id changes so that one planted before sign-in is worthless. */
    void signIn(PartnerPrincipal partner, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        save(partner, request, response);
    }

    /** Keeps the session's partner up to date after they changed their name or language. */
    void refresh(PartnerPrincipal partner, HttpServletRequest request, HttpServletResponse response) {
        save(partner, request, response);
    }

    /** Signs the partner out and only the partner: a staff sign-in in the same session stays. */
    void signOut(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CONTEXT_KEY);
        }
        SecurityContextHolder.clearContext();
    }

    private void save(PartnerPrincipal partner, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(partner, null,
                List.of(new SimpleGrantedAuthority(ROLE))));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
