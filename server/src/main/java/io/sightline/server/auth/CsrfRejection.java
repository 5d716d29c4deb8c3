package io.sightline.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * CSRF protection of browser sessions: a state change (POST, PUT, PATCH, DELETE) that is authenticated by a
 * session cookie must send the {@code XSRF-TOKEN} cookie's value in the {@code X-XSRF-TOKEN} header (as Spring's
 * and Angular's convention). Calls with {@code Authorization: Key} carry no ambient credential and are exempt;
 * so are calls without a live session. A refusal is a 403 with {@link #MESSAGE} ({@link AccessDeniedHandler403}).
 */
final class CsrfRejection {

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

    private CsrfRejection() {
    }
}
