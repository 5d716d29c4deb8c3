package io.sightline.server.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redash's API key authentication: {@code Authorization: Key <key>} or {@code ?api_key=<key>}.
 * A wrong key is answered with 401 at once, rather than falling back to an anonymous request.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

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
        String key = apiKey(request);
        if (key != null) {
            var user = users.byApiKey(key);
            if (user.isEmpty()) {
                var query = queryKeys.queryOf(key); // a query's own key: that query's results only
                if (query.isPresent()) {
                    QueryKeyAuthentication.continueAs(query.get(), request, response, chain, entryPoint);
                    return;
                }
                entryPoint.reject(response, "Invalid API key");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(authentication(user.get()));
        } else if (!sessionUserStillActive(request)) {
            entryPoint.reject(response, "Your account is disabled or no longer exists; log in again");
            return;
        }
        chain.doFilter(request, response);
    }

    /** A session outlives a change of its user: a disabled user's session ends, changed groups apply. */
    private boolean sessionUserStillActive(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SightlineUser sessionUser)) {
            return true;
        }
        var current = users.current(sessionUser);
        if (current.isEmpty()) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return false;
        }
        // a context of this request's own: the one in the session is shared with concurrent requests
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(current.get()));
        SecurityContextHolder.setContext(context);
        return true;
    }

    static UsernamePasswordAuthenticationToken authentication(SightlineUser user) {
        var authorities = user.permissions().stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, List.copyOf(authorities));
    }

    private static String apiKey(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Key ", 0, 4)) {
            return header.substring(4).trim();
        }
        String param = request.getParameter("api_key");
        return param == null || param.isBlank() ? null : param.trim();
    }
}
