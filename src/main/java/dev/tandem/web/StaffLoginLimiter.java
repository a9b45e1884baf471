package dev.tandem.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@value #LIMIT} staff sign-in attempts per client in {@link #WINDOW}: plenty for a person
 * with a mistyped password, too few for guessing one. Beyond that the sign-in page says to wait.
 */
public class StaffLoginLimiter extends OncePerRequestFilter {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final RateLimiter limiter;

    StaffLoginLimiter(Clock clock) {
        this.limiter = new RateLimiter(LIMIT, WINDOW, 100_000, clock);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = limiter.attempt(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds())));
            response.sendRedirect(request.getContextPath() + "/login?tooMany");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Forgets every count (tests; restarting a node does the same). */
    public void clear() {
        limiter.clear();
    }
}
