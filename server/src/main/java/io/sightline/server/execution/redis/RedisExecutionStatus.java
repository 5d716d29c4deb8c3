package io.sightline.server.execution.redis;

import io.sightline.server.execution.ExecutionStatus;
import io.sightline.server.execution.RedisMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.params.ScanParams;

/** The workers whose presence key ({@code worker:<id>}) has not expired, and each Redis stream's backlog. */
@Component
@Conditional(RedisMode.On.class)
class RedisExecutionStatus implements ExecutionStatus {

    private final RedisConnection redis;
    private final RedisJobQueue queue;

    RedisExecutionStatus(RedisConnection redis, RedisJobQueue queue) {
        this.redis = redis;
        this.queue = queue;
    }

    @Override
    public String mode() {
        return "redis";
    }

    @Override
    public List<Worker> workers() {
        List<Worker> workers = new ArrayList<>();
        String prefix = redis.key("worker:");
        redis.call(jedis -> {
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
        return workers;
    }

    @Override
    public Map<String, Backlog> queues() {
        Map<String, Backlog> queues = new LinkedHashMap<>();
        for (RedisJobQueue.Queue q : RedisJobQueue.Queue.values()) {
            RedisJobQueue.Backlog backlog = queue.backlog(q);
            queues.put(q.id, new Backlog(backlog.waiting(), backlog.oldestAgeSeconds()));
        }
        return queues;
    }

    /** The presence value is {@code {"held":n}}. */
    private static Integer held(String presence) {
        if (presence == null) {
            return null;
        }
        String digits = presence.replaceAll("\\D+", "");
        return digits.isEmpty() ? null : Integer.valueOf(digits);
    }
}
