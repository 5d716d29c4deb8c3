package io.sightline.server.audit;

import io.sightline.server.auth.SightlineUser;
import io.sightline.server.execution.QueryRunCompleted;
import io.sightline.server.system.Audited;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every {@link Audited} event, and every ended run ({@link QueryRunCompleted}), to {@code audit_events}. The
 * listeners are synchronous: the row is inserted in the publisher's transaction, if it has one. Who and from
 * where come from the request (the signed-in user, the client address as Tomcat resolved it, the user agent);
 * there is none for a worker's run, whose job's user is named instead.
 */
@Component
class AuditRecorder {

    private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);
    private static final int MAX_USER_AGENT = 512;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditRecorder(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventListener
    void on(Audited event) {
        Map<String, Object> properties = new LinkedHashMap<>();
        SightlineUser user = caller();
        if (user != null) {
            properties.put("user_name", user.name());
            properties.put("user_email", user.email());
        }
        HttpServletRequest request = request();
        if (request != null) {
            properties.put("ip", request.getRemoteAddr());
            String agent = request.getHeader("User-Agent");
            if (agent != null) {
                properties.put("user_agent", agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent);
            }
        }
        properties.putAll(event.details());
        if (event.details().get("query") instanceof String sql && "execute_query".equals(event.action())) {
            properties.put("query_sha256", sha256(sql));
            if (event.details().get("query_result_id") instanceof Long result) {
                properties.put("rows", rows(result)); // a cache hit: the rows of the result it was answered with
            }
        }
        insert(user == null ? null : user.id(), event.action(), event.objectType(), event.objectId(), properties);
    }

    /**
     * The run's end, from the worker: outcome, duration and rows, tied to its {@code execute_query} by job id.
     * Last of the run's listeners, and never throwing: the run has happened whatever the log can write, and an
     * exception here would keep the listeners after it (the saved query's latest result, the cache) from running.
     */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(QueryRunCompleted run) {
        try {
            recordEnd(run);
        } catch (RuntimeException e) {
            log.error("The end of job {} could not be written to the audit log", run.jobId(), e);
        }
    }

    private void recordEnd(QueryRunCompleted run) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("job_id", run.jobId());
        properties.put("query_id", run.queryId());
        properties.put("queue", run.queue());
        properties.put("outcome", run.outcome().name().toLowerCase(java.util.Locale.ROOT));
        properties.put("duration_ms", run.runtime() == null ? null : run.runtime().toMillis());
        properties.put("query_result_id", run.queryResultId());
        properties.put("rows", run.queryResultId() == null ? null : rows(run.queryResultId()));
        if (run.error() != null) {
            properties.put("error", run.error());
        }
        insert(run.userId(), "query_run_end", "data_source", String.valueOf(run.dataSourceId()), properties);
    }

    private void insert(Long userId, String action, String objectType, String objectId, Map<String, Object> properties) {
        jdbc.sql("INSERT INTO audit_events (org_id, user_id, action, object_type, object_id, additional_properties,"
                        + " created_at) VALUES (1, :user, :action, :type, :object, :properties, :at)")
                .param("user", userId).param("action", action).param("type", objectType).param("object", objectId)
                .param("properties", json.writeValueAsString(properties))
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    private Long rows(long resultId) {
        return jdbc.sql("SELECT row_count FROM query_results WHERE id = :id").param("id", resultId)
                .query(Long.class).optional().orElse(null);
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static SightlineUser caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SightlineUser user ? user : null;
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
