package dev.tandem.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.tandem.core.Language;
import dev.tandem.core.SpeaksLanguage;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Which language a page speaks: the signed-in person's own choice (a staff member's, or in the
 * portal a partner's); else one picked on a public page ({@code ?lang=}, remembered in a cookie);
 * else the best match of the browser's Accept-Language; else English.
 */
class LanguageResolver implements LocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return chosenBySignedInUser()
                .orElseGet(() -> Language.forVisitor(request.getParameter("lang"), fromCookie(request),
                        request.getHeader("Accept-Language")))
                .locale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Cookie cookie = new Cookie(Language.COOKIE, locale == null ? "" : locale.toLanguageTag());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(locale == null ? 0 : 365 * 24 * 3600);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static Optional<Language> chosenBySignedInUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SpeaksLanguage person) {
            return Optional.ofNullable(person.language());
        }
        return Optional.empty();
    }

    private static String fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies).filter(c -> Language.COOKIE.equals(c.getName())).findFirst()
                .map(Cookie::getValue).orElse(null);
    }
}
