package io.sightline.server.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Lets a request carrying a query's API key through only to that query's results: {@code GET
 * /api/queries/{id}/results[/{resultId}][.json|.csv|.tsv|.xlsx]} of that very query and
 * {@code GET /api/query_results/{id}[.json|.csv|.tsv|.xlsx]} (whose controller checks that the result is the
 * query's), and the CORS preflight ({@code OPTIONS}) of those. Anything else is answered 403 here, before any controller runs, so a new endpoint is closed to query keys
 * unless it is named here.
 */
final class QueryKeyAuthentication {

    private static final Pattern QUERY_RESULTS =
            Pattern.compile("/api/queries/(\\d+)/results(?:/\\d+)?(?:\\.json|\\.csv|\\.tsv|\\.xlsx)?");
    private static final Pattern RESULT = Pattern.compile("/api/query_results/\\d+(?:\\.json|\\.csv|\\.tsv|\\.xlsx)?");

    private QueryKeyAuthentication() {
    }

    static void continueAs(long queryId, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                           AuthenticationEntryPoint401 entryPoint) throws IOException, ServletException {
        String refusal = refusal(queryId, request);
        if (refusal != null) {
            entryPoint.forbid(response, refusal);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new QueryKeyCaller(queryId), null,
                List.of()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    /** Why the request may not use this query key, or null when it may. */
    static String refusal(long queryId, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String only = "A query API key reads only the results of its own query (GET /api/queries/" + queryId
                + "/results)";
        if (!"GET".equals(request.getMethod()) && !"OPTIONS".equals(request.getMethod())) { // OPTIONS: a preflight
            return only;
        }
        Matcher queryResults = QUERY_RESULTS.matcher(path);
        if (queryResults.matches()) {
            return queryResults.group(1).equals(Long.toString(queryId)) ? null
                    : "This API key belongs to query " + queryId + ", not query " + queryResults.group(1);
        }
        return RESULT.matcher(path).matches() ? null : only;
    }
}
