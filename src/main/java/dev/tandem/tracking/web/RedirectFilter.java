package dev.tandem.tracking.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /r/*} on the application's own port: a servlet filter ahead of every other filter
 * (sessions, security, observation, MVC) that hands the request to {@link Redirect} and never
 * passes it down the chain. Tomcat's RemoteIpValve has already put the visitor's address and
 * scheme on the request when a trusted proxy forwarded it.
 */
final class RedirectFilter implements Filter {

    private final Redirect redirect;

    RedirectFilter(Redirect redirect) {
        this.redirect = redirect;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String method = request.getMethod();
        Redirect.Response answer = redirect.handle(method, request.getRequestURI().substring(request.getContextPath().length()),
                request.getQueryString(), request::getHeader, request.getRemoteAddr(), request.isSecure());
        String[] headers = answer.headers();
        for (int i = 0; i < headers.length; i += 2) {
            response.setHeader(headers[i], headers[i + 1]);
        }
        byte[] body = answer.body();
        if (body == null && answer.status() >= 400) {
            response.sendError(answer.status()); // the application's error page, as for any other path
            return;
        }
        response.setStatus(answer.status());
        response.setContentLength(body == null ? 0 : body.length);
        if (body != null && !"HEAD".equals(method)) {
            response.getOutputStream().write(body);
        }
    }
}
