package io.sightline.server.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.server.alert.AlertDeliveryStatus;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.execution.ExecutionStatus;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.SightlineProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /status.json} (admins): the live workers, each queue's waiting jobs, and object counts — what an
 * operator looks at first.
 */
@RestController
class StatusController {

    private final ExecutionStatus execution;
    private final JdbcClient jdbc;
    private final SightlineProperties properties;
    private final AlertDeliveryStatus notifications;

    StatusController(ExecutionStatus execution, JdbcClient jdbc, SightlineProperties properties,
                     AlertDeliveryStatus notifications) {
        this.execution = execution;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    record Worker(String id, Integer held) {
    }

    record Queue(long waiting, @JsonProperty("oldest_job_age_seconds") Double oldestJobAgeSeconds) {
    }

    record Status(String mode, String role, List<Worker> workers, Map<String, Queue> queues, Map<String, Long> counts,
                  Map<String, Object> notifications) {
    }

    @GetMapping("/status.json")
    Status status() {
        requireAdmin();
        List<Worker> workers = execution.workers().stream().map(w -> new Worker(w.id(), w.held())).toList();
        Map<String, Queue> queues = new LinkedHashMap<>();
        execution.queues().forEach((name, backlog) ->
                queues.put(name, new Queue(backlog.waiting(), backlog.oldestJobAgeSeconds())));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("queries", count("SELECT count(*) FROM queries"));
        counts.put("data_sources", count("SELECT count(*) FROM data_sources"));
        counts.put("query_results", count("SELECT count(*) FROM query_results WHERE complete"));
        counts.put("users", count("SELECT count(*) FROM users"));
        counts.put("alerts", count("SELECT count(*) FROM alerts"));
        return new Status(execution.mode(), properties.role().name().toLowerCase(Locale.ROOT), workers, queues, counts,
                notifications.summary());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The security rules let only signed-in callers through to here; this says who of them may see it. */
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
