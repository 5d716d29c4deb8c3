package io.sightline.server.share;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers of everything a public link reaches: a strict Content-Security-Policy (scripts, styles, data only
 * from this server, no inline script; inline style attributes only, which the chart library's tooltips set),
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer} (the token is in the page's URL)
 * and {@code frame-ancestors} from {@code sightline.public.frame-ancestors} (default {@code 'none'}; e.g.
 * {@code https://intranet.example.com} to embed the page there). Browsers follow {@code frame-ancestors} over
 * the {@code X-Frame-Options} the rest of the server sends.
 */
@Component
class PublicPageHeaders extends OncePerRequestFilter {

    private final String policy;

    PublicPageHeaders(@Value("${sightline.public.frame-ancestors:'none'}") String frameAncestors) {
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline';"
                + " img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none';"
                + " frame-ancestors " + frameAncestors.replaceAll("[;\\r\\n]", " ").strip();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/public/") || path.startsWith("/viewer/") || path.startsWith("/webjars/echarts/")
                || path.startsWith("/api/dashboards/public/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }
}
