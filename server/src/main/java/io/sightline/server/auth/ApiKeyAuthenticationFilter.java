package io.sightline.server.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redash's API key authentication: {@code Authorization: Key <key>}, or {@code ?api_key=<key>} on the GET result
 * endpoints only (Redash's embed case; a key in a URL ends up in logs and browser history, so nowhere else), and
 * on the CORS preflight ({@code OPTIONS}) a browser sends to the same URL before reading one from another origin.
 * A wrong key is answered with 401 at once, rather than falling back to an anonymous request. A key request
 * neither reads nor creates a browser session.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String KEY_PARAMETER_ONLY_ON_RESULTS = "An API key in ?api_key= is accepted only on GET"
            + " /api/query_results/{id}[.json|.csv|.tsv|.xlsx] and"
            + " /api/queries/{id}/results[/{result id}][.json|.csv|.tsv|.xlsx];"
            + " send it in the header 'Authorization: Key <api key>'";
    private static final Pattern RESULT_PATHS =
            Pattern.compile("/api/(query_results/\\d+|queries/\\d+/results(/\\d+)?)(\\.json|\\.csv|\\.tsv|\\.xlsx)?");

    private final Users users;
    private final QueryKeys queryKeys;
    private final AuthenticationEntryPoint401 entryPoint;

    ApiKeyAuthenticationFilter(Users users, QueryKeys queryKeys, AuthenticationEntryPoint401 entryPoint) {
        this.users = users;
        this.queryKeys = queryKeys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = headerKey(request);
        if (key == null) {
            key = parameterKey(request);
            if (key != null && !resultRead(request)) {
                entryPoint.reject(response, KEY_PARAMETER_ONLY_ON_RESULTS);
                return;
            }
        }
        if (key != null) {
            String hash = ApiKeys.hash(key);
            var user = users.byApiKeyHash(hash);
            if (user.isEmpty()) {
                var query = queryKeys.queryOf(key); // a query's own key: that query's results only
                if (query.isPresent()) {
                    QueryKeyAuthentication.continueAs(query.get(), request, response, chain, entryPoint);
                    return;
                }
                entryPoint.reject(response, "Invalid API key");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(authentication(user.get(), hash));
        } else if (!sessionUserStillActive(request, response)) {
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A session outlives a change of its user: a disabled user's session ends, changed groups apply, and a
     * password change ends the sessions of before (see {@link SessionEpoch}).
     */
    private boolean sessionUserStillActive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SightlineUser sessionUser)) {
            return true;
        }
        var session = request.getSession(false);
        // a session whose user another replica changed is checked against the user as stored (UserSessions)
        var current = SessionEpoch.userChanged(session) ? users.freshWithEpoch(sessionUser.id())
                : users.currentWithEpoch(sessionUser.id());
        if (current.isPresent() && !SessionEpoch.current(session, current.get().epoch())) {
            // this replica's cached epoch may be older than the session's: another replica changed the user
            current = users.freshWithEpoch(sessionUser.id());
        }
        if (current.isEmpty() || !SessionEpoch.current(session, current.get().epoch())) {
            SecurityContextHolder.clearContext();
            if (session != null) {
                session.invalidate();
            }
            entryPoint.reject(response, current.isEmpty()
                    ? "Your account is disabled or no longer exists; log in again"
                    : "Your password or email was changed since this session began; log in again");
            return false;
        }
        // a context of this request's own: the one in the session is shared with concurrent requests
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(current.get().user()));
        SecurityContextHolder.setContext(context);
        return true;
    }

    static UsernamePasswordAuthenticationToken authentication(SightlineUser user) {
        return authentication(user, null);
    }

    /** {@code keyHash}: the hash of the API key the request came with, none for a session. */
    static UsernamePasswordAuthenticationToken authentication(SightlineUser user, String keyHash) {
        var authorities = user.permissions().stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, keyHash, List.copyOf(authorities));
    }

    /** The hash of the API key the current request authenticated with; null for a session. */
    static String keyHashOfRequest() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getCredentials() instanceof String hash ? hash : null;
    }

    /** Whether the request carries a key in its header: such calls are exempt from CSRF checks. */
    static boolean hasKeyHeader(HttpServletRequest request) {
        return headerKey(request) != null;
    }

    private static boolean resultRead(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ("GET".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod()))
                && RESULT_PATHS.matcher(path).matches();
    }

    private static String headerKey(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Key ", 0, 4)) {
            return header.substring(4).trim();
        }
        return null;
    }

    private static String parameterKey(HttpServletRequest request) {
        String param = request.getParameter("api_key");
        return param == null || param.isBlank() ? null : param.trim();
    }
}
