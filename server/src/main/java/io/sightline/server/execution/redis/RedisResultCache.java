package io.sightline.server.execution.redis;

import io.sightline.server.execution.RedisMode;
import io.sightline.server.execution.ResultCache;
import io.sightline.server.execution.ResultCacheProperties;
import io.sightline.server.system.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;

/**
 * The result cache shared by every process: {@code cache:<data source id>:<sql hash>} holds
 * {@code <query_result_id>:<retrieved_at epoch millis>} for {@code sightline.result-cache.ttl}. Workers write it
 * when a run finishes, API processes read it; of two writes the newer result wins, whatever their order. While Redis cannot be reached a lookup is a miss and a write is
 * skipped: {@link RedisConnection} logs the outage once; any other failure is logged here once until the cache
 * works again.
 */
@Component
@Conditional(RedisMode.On.class)
class RedisResultCache implements ResultCache {

    private static final Logger log = LoggerFactory.getLogger(RedisResultCache.class);

    /** Keeps the entry of the result stored last, whichever write comes last (a worker's, or a write-back). */
    private static final String PUT_IF_NEWER = """
            local current = redis.call('GET', KEYS[1])
            if current then
              local stored = tonumber(string.match(current, ':(%d+)$'))
              if stored and stored > tonumber(ARGV[2]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
            return 1
            """;

    private final RedisConnection redis;
    private final long ttlMillis;
    private final AtomicBoolean failing = new AtomicBoolean();

    RedisResultCache(RedisConnection redis, ResultCacheProperties properties) {
        this.redis = redis;
        this.ttlMillis = properties.ttl().toMillis();
    }

    @Override
    public Optional<Entry> get(long dataSourceId, String queryHash) {
        return degraded(jedis -> parse(jedis.get(key(dataSourceId, queryHash))), Optional.empty());
    }

    @Override
    public void put(long dataSourceId, String queryHash, Entry entry) {
        long retrievedAt = entry.retrievedAt().toEpochMilli();
        String value = entry.queryResultId() + ":" + retrievedAt;
        degraded(jedis -> jedis.eval(PUT_IF_NEWER, List.of(key(dataSourceId, queryHash)),
                List.of(value, Long.toString(retrievedAt), Long.toString(ttlMillis))), null);
    }

    @Override
    public void evict(long dataSourceId, String queryHash) {
        degraded(jedis -> jedis.del(key(dataSourceId, queryHash)), null);
    }

    private String key(long dataSourceId, String queryHash) {
        return redis.key("cache:" + dataSourceId + ":" + queryHash);
    }

    private <T> T degraded(Function<Jedis, T> action, T otherwise) {
        try {
            T result = redis.call(action);
            if (failing.compareAndSet(true, false)) {
                log.info("The result cache in Redis works again");
            }
            return result;
        } catch (ApiException e) {
            return otherwise; // Redis unreachable: RedisConnection logs each outage once
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                log.error("The result cache in Redis fails; runs go on without it until it works again: {}", e.toString());
            }
            return otherwise;
        }
    }

    /** A value this version cannot read (written by another, or by hand) is simply not cached. */
    private static Optional<Entry> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        try {
            return Optional.of(new Entry(Long.parseLong(value.substring(0, colon)),
                    Instant.ofEpochMilli(Long.parseLong(value.substring(colon + 1)))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
