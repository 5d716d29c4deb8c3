package io.sightline.server.execution;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.SightlineProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import redis.clients.jedis.params.ScanParams;

/**
 * {@code GET /status.json} (admins): the live workers, each queue's waiting jobs, and object counts — what an
 * operator looks at first. With Redis the workers are those whose presence key has not expired.
 */
@RestController
class StatusController {

    private final ObjectProvider<RedisConnection> redis;
    private final ObjectProvider<RedisJobQueue> redisQueue;
    private final ObjectProvider<InProcessJobQueue> inProcessQueue;
    private final JdbcClient jdbc;
    private final SightlineProperties properties;

    StatusController(ObjectProvider<RedisConnection> redis, ObjectProvider<RedisJobQueue> redisQueue,
                     ObjectProvider<InProcessJobQueue> inProcessQueue, JdbcClient jdbc, SightlineProperties properties) {
        this.redis = redis;
        this.redisQueue = redisQueue;
        this.inProcessQueue = inProcessQueue;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    record Worker(String id, Integer held) {
    }

    record Queue(long waiting, @JsonProperty("oldest_job_age_seconds") Double oldestJobAgeSeconds) {
    }

    record Status(String mode, String role, List<Worker> workers, Map<String, Queue> queues, Map<String, Long> counts) {
    }

    @GetMapping("/status.json")
    Status status() {
        requireAdmin();
        List<Worker> workers = new ArrayList<>();
        Map<String, Queue> queues = new LinkedHashMap<>();
        RedisJobQueue shared = redisQueue.getIfAvailable();
        if (shared != null) {
            RedisConnection connection = redis.getObject();
            String prefix = connection.key("worker:");
            connection.call(jedis -> {
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    var page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(200));
                    for (String key : page.getResult()) {
                        workers.add(new Worker(key.substring(prefix.length()), held(jedis.get(key))));
                    }
                    cursor = page.getCursor();
                } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
                return null;
            });
            for (RedisJobQueue.Queue q : RedisJobQueue.Queue.values()) {
                RedisJobQueue.Backlog backlog = shared.backlog(q);
                queues.put(q.id, new Queue(backlog.waiting(), backlog.oldestAgeSeconds()));
            }
        } else {
            InProcessJobQueue local = inProcessQueue.getIfAvailable();
            if (local != null) {
                workers.add(new Worker("in-process", null));
                queues.put(InProcessJobQueue.NAME, new Queue(local.waiting(), local.oldestAgeSeconds()));
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("queries", count("SELECT count(*) FROM queries"));
        counts.put("data_sources", count("SELECT count(*) FROM data_sources"));
        counts.put("query_results", count("SELECT count(*) FROM query_results WHERE complete"));
        counts.put("users", count("SELECT count(*) FROM users"));
        return new Status(shared != null ? "redis" : "embedded", properties.role().name().toLowerCase(Locale.ROOT),
                workers, queues, counts);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static Integer held(String presence) {
        if (presence == null) {
            return null;
        }
        String digits = presence.replaceAll("\\D+", "");
        return digits.isEmpty() ? null : Integer.valueOf(digits);
    }

    /** Not under /api/**, so the security chain lets anonymous callers through to here. */
    private static void requireAdmin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SightlineUser user)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "/status.json needs an admin's API key or session");
        }
        if (!user.isAdmin()) {
            throw ApiException.forbidden("/status.json is for admins only");
        }
    }
}
