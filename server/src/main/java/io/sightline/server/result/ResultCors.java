package io.sightline.server.result;

import io.sightline.server.auth.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redash's CORS for the query result API ({@code QueryResultResource.add_cors_headers} and {@code options}), on
 * {@code /api/query_results/{id}[.ext]} and {@code /api/queries/{id}/results[/{rid}][.ext]}, only when
 * {@code sightline.cors.allow-origin} names origins (comma separated; {@code *} for any). Then:
 * <ul>
 * <li>{@code OPTIONS} (signed in, or with a query's key, as every {@code /api/**} call: the security chain runs
 * first) answers 200 with {@code Access-Control-Request-Method} (Redash's header) and its standard name
 * {@code Access-Control-Allow-Methods}, and {@code Access-Control-Allow-Headers};</li>
 * <li>any request from an allowed {@code Origin} gets {@code Access-Control-Allow-Origin} (that origin) and
 * {@code Access-Control-Allow-Credentials}.</li>
 * </ul>
 * Unconfigured (the default), these paths send no CORS header at all.
 */
@Component
class ResultCors extends OncePerRequestFilter {

    private static final Pattern PATHS = Pattern.compile(
            "/api/query_results/[^/]+|/api/queries/[^/]+/results(\\.[A-Za-z]+)?|/api/queries/[^/]+/results/[^/]+");

    private final Set<String> allowedOrigins;
    private final boolean allowCredentials;
    private final String methods;
    private final String headers;

    ResultCors(@Value("${sightline.cors.allow-origin:}") String allowOrigin,
               @Value("${sightline.cors.allow-credentials:false}") boolean allowCredentials,
               @Value("${sightline.cors.request-method:GET, POST, PUT}") String methods,
               @Value("${sightline.cors.allow-headers:Content-Type}") String headers) {
        this.allowedOrigins = Arrays.stream(allowOrigin.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.allowCredentials = allowCredentials;
        this.methods = methods.strip();
        this.headers = headers.strip();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return allowedOrigins.isEmpty()
                || !PATHS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean preflight = "OPTIONS".equals(request.getMethod());
        if (preflight && !mayReadResults()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "You may not read query results (permission 'view_query' or 'execute_query' is missing)");
            return;
        }
        String origin = request.getHeader("Origin");
        response.addHeader("Vary", "Origin");
        if (origin != null && (allowedOrigins.contains("*") || allowedOrigins.contains(origin))) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Credentials", Boolean.toString(allowCredentials));
        }
        if (!preflight) {
            chain.doFilter(request, response);
            return;
        }
        if (!methods.isEmpty()) {
            response.setHeader("Access-Control-Request-Method", methods);
            response.setHeader("Access-Control-Allow-Methods", methods);
        }
        if (!headers.isEmpty()) {
            response.setHeader("Access-Control-Allow-Headers", headers);
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(0);
    }

    /** Redash's {@code require_any_of_permission(("view_query", "execute_query"))}; a query's key may read too. */
    private static boolean mayReadResults() {
        return CurrentUser.queryKey().isPresent() || CurrentUser.signedIn()
                .map(user -> user.has("view_query") || user.has("execute_query")).orElse(false);
    }
}
