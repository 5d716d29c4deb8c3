package io.sightline.server.share;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests a share link may make of this server: a token bucket per link, {@code sightline.public.rate-limit}
 * requests a second on average ({@code SIGHTLINE_PUBLIC_RATE_LIMIT}, default 50) with bursts of up to
 * {@code sightline.public.rate-burst} ({@code SIGHTLINE_PUBLIC_RATE_BURST}, default 200: a large dashboard opened
 * by a room of people at once). Past it the answer is 429 with {@code Retry-After}, so a leaked link cannot load the
 * server without bound; the page retries. Counted per server process: behind N API replicas a link gets N times
 * this. 0 turns it off.
 */
@Component
class PublicRateLimit extends OncePerRequestFilter {

    static final String MESSAGE = "Too many requests for this shared dashboard; try again in a moment";

    private final double perSecond;
    private final double burst;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    PublicRateLimit(@Value("${sightline.public.rate-limit:50}") double perSecond,
                    @Value("${sightline.public.rate-burst:200}") double burst) {
        if (perSecond < 0 || burst < 0) {
            throw new IllegalArgumentException("sightline.public.rate-limit and rate-burst must not be negative, were "
                    + perSecond + " and " + burst);
        }
        this.perSecond = perSecond;
        this.burst = Math.max(burst, Math.min(perSecond, 1));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return perSecond == 0 || token(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.get(token(request), t -> new Bucket(burst, System.nanoTime()));
        if (bucket.take(perSecond, burst, System.nanoTime())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"" + MESSAGE + "\",\"message\":\"" + MESSAGE + "\"}");
    }

    /** The link's token in {@code /api/dashboards/public/{token}…} or {@code /public/dashboards/{token}}. */
    private static String token(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String rest = path.startsWith("/api/dashboards/public/") ? path.substring("/api/dashboards/public/".length())
                : path.startsWith(ShareController.PAGE) ? path.substring(ShareController.PAGE.length()) : null;
        if (rest == null) {
            return null;
        }
        int slash = rest.indexOf('/');
        String token = slash < 0 ? rest : rest.substring(0, slash);
        return token.isEmpty() || token.length() > EmbedTokens.MAX_LENGTH ? null : token;
    }

    /** Tokens left and when it was last filled. */
    private static final class Bucket {

        private double tokens;
        private long filledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.filledAt = now;
        }

        synchronized boolean take(double perSecond, double burst, long now) {
            tokens = Math.min(burst, tokens + (now - filledAt) / 1e9 * perSecond);
            filledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
