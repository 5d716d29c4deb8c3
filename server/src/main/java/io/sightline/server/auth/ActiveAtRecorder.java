package io.sightline.server.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps users' {@code active_at} (Redash's "last active"): every request a user makes counts, but the time is
 * written at most once a {@link #INTERVAL} per user, off the request thread, so a busy user costs one small
 * update a minute and a slow or unreachable metadata database never slows a request down.
 */
@Component
class ActiveAtRecorder extends OncePerRequestFilter implements DisposableBean {

    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ActiveAtRecorder.class);

    private final UserRepository users;
    private final Clock clock = Clock.systemUTC();
    private final Map<Long, Instant> written = new ConcurrentHashMap<>();
    /** One writer; when it falls behind, further updates are dropped (the next minute brings another). */
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256), runnable -> {
                Thread thread = new Thread(runnable, "active-at-writer");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    ActiveAtRecorder(UserRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SightlineUser user) {
            seen(user.id());
        }
        chain.doFilter(request, response);
    }

    void seen(long userId) {
        Instant now = clock.instant();
        boolean[] due = {false};
        written.compute(userId, (id, last) -> {
            if (last != null && last.plus(INTERVAL).isAfter(now)) {
                return last;
            }
            due[0] = true;
            return now;
        });
        if (due[0]) {
            writer.execute(() -> write(userId, now));
        }
    }

    private void write(long userId, Instant at) {
        try {
            users.touchActiveAt(userId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        } catch (RuntimeException e) {
            written.remove(userId); // try again on the user's next request
            LOG.debug("Could not record that user {} was active: {}", userId, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        writer.shutdownNow();
    }
}
