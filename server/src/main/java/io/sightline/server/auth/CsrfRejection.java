package io.sightline.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * CSRF protection of browser sessions: a state change (POST, PUT, PATCH, DELETE) that is authenticated by a
 * session cookie must send the {@code XSRF-TOKEN} cookie's value in the {@code X-XSRF-TOKEN} header (as Spring's
 * and Angular's convention). Calls with {@code Authorization: Key} carry no ambient credential and are exempt;
 * so are calls without a live session. A refusal is a 403 that says so.
 */
class CsrfRejection implements AccessDeniedHandler {

    static final String HEADER = "X-XSRF-TOKEN";
    static final String COOKIE = "XSRF-TOKEN";
    static final String MESSAGE = "Missing or wrong CSRF token: a call with a session cookie that changes something"
            + " must send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header (or use 'Authorization: Key')";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Which requests must carry the token. */
    static boolean needsToken(HttpServletRequest request) {
        return !SAFE.contains(request.getMethod()) && !ApiKeyAuthenticationFilter.hasKeyHeader(request)
                && request.getRequestedSessionId() != null && request.isRequestedSessionIdValid();
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String message = e instanceof CsrfException ? MESSAGE : "Access denied";
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"" + message + "\",\"message\":\"" + message + "\"}");
    }
}
