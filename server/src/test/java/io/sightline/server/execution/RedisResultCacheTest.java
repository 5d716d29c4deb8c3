package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.result.SqlHash;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.RedisQueueServerTest;
import io.sightline.server.support.Runs;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.JsonNode;

/** The result cache in Redis is an index the metadata store has the last word on. */
class RedisResultCacheTest extends RedisQueueServerTest {

    @Autowired
    private ResultCache cache;
    @Autowired
    private ResultCacheProperties cacheProperties;

    private long dataSource;
    private Runs runs;

    @BeforeEach
    void dataSource() {
        dataSource = new DataSourceFixtures(api()).postgres(Map.of());
        runs = new Runs(api());
    }

    @Test
    void entryNamingAResultTheMetadataStoreDoesNotHaveIsNotServed() {
        String sql = "SELECT '" + UUID.randomUUID() + "' AS unknown_result";
        String key = cacheKey(sql);
        try (Jedis jedis = redis()) {
            jedis.set(key, "999999999:" + System.currentTimeMillis()); // e.g. left from a restored older database
        }

        JsonNode answer = runs.submit(Map.of("data_source_id", dataSource, "query", sql, "max_age", -1));

        assertThat(answer.path("id").asString()).as("the query runs instead: " + answer).isNotEmpty();
        long resultId = runs.finish(answer).path("query_result_id").asLong();
        try (Jedis jedis = redis()) {
            assertThat(jedis.get(key)).startsWith(resultId + ":");
        }
    }

    @Test
    void entryTooOldForMaxAgeIsCheckedAgainstTheMetadataStoreAndReplaced() {
        String sql = "SELECT '" + UUID.randomUUID() + "' AS old_entry";
        long first = runs.finish(runs.submit(Map.of("data_source_id", dataSource, "query", sql, "max_age", -1)))
                .path("query_result_id").asLong();
        try (Jedis jedis = redis()) { // as if the result had been retrieved an hour ago
            jedis.set(cacheKey(sql), first + ":" + (System.currentTimeMillis() - Duration.ofHours(1).toMillis()));
        }

        JsonNode anyAge = runs.submit(Map.of("data_source_id", dataSource, "query", sql, "max_age", -1));
        JsonNode recent = runs.submit(Map.of("data_source_id", dataSource, "query", sql, "max_age", 600));

        assertThat(anyAge.path("query_result_id").asLong()).isEqualTo(first);
        assertThat(recent.path("query_result_id").asLong()).as("the metadata store knows it is recent")
                .isEqualTo(first);
        try (Jedis jedis = redis()) {
            long retrievedAt = Long.parseLong(jedis.get(cacheKey(sql)).substring((first + ":").length()));
            assertThat(System.currentTimeMillis() - retrievedAt).isLessThan(Duration.ofMinutes(1).toMillis());
        }
    }

    @Test
    void aLateWriteOfAnOlderResultDoesNotReplaceANewerOne() {
        String hash = SqlHash.of("SELECT '" + UUID.randomUUID() + "'");
        Instant now = Instant.now();

        cache.put(dataSource, hash, new ResultCache.Entry(2, now));
        cache.put(dataSource, hash, new ResultCache.Entry(1, now.minusSeconds(5))); // e.g. a slow write-back

        assertThat(cache.get(dataSource, hash)).contains(new ResultCache.Entry(2, now.truncatedTo(ChronoUnit.MILLIS)));
        cache.put(dataSource, hash, new ResultCache.Entry(3, now.plusSeconds(1)));
        assertThat(cache.get(dataSource, hash)).map(ResultCache.Entry::queryResultId).contains(3L);
        try (Jedis jedis = redis()) {
            assertThat(jedis.pttl(PREFIX + "cache:" + dataSource + ":" + hash)).isPositive()
                    .isLessThanOrEqualTo(cacheProperties.ttl().toMillis());
        }
    }

    private String cacheKey(String sql) {
        return PREFIX + "cache:" + dataSource + ":" + SqlHash.of(sql);
    }
}
