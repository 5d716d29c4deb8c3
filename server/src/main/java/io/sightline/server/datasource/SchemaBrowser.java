package io.sightline.server.datasource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sightline.common.api.datasource.DataSourceSchema;
import io.sightline.server.system.ApiException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The schema browser: a data source's tables, read once and kept until someone asks for a refresh or the
 * data source changes (its {@code updated_at} moves, here or on another server).
 * It reads over a connection of its own rather than the pool, so a data source that cannot be reached
 * answers within the connect timeout instead of the pool's wait.
 */
@Component
class SchemaBrowser {

    private record Snapshot(OffsetDateTime version, List<DataSourceSchema.Table> tables) {
    }

    private final DataSourceProperties properties;
    private final Cache<Long, Snapshot> cache = Caffeine.newBuilder().maximumSize(500).build();

    SchemaBrowser(DataSourceProperties properties) {
        this.properties = properties;
    }

    /** @throws ApiException badRequest naming the data source and the driver's (masked) message */
    DataSourceSchema schema(ConfiguredDataSource source, boolean refresh) {
        Snapshot cached = cache.getIfPresent(source.id());
        if (refresh || (cached != null && !cached.version().equals(source.row().updatedAt()))) {
            cache.invalidate(source.id());
        }
        return new DataSourceSchema(cache.get(source.id(), id -> read(source)).tables());
    }

    void forget(long id) {
        cache.invalidate(id);
    }

    private Snapshot read(ConfiguredDataSource source) {
        try (Connection connection = source.spec(properties.connectTimeout()).open()) {
            return new Snapshot(source.row().updatedAt(), SchemaReader.read(connection, source.type()));
        } catch (SQLException e) {
            throw ApiException.badRequest("Cannot read the schema of " + source.name() + ": " + source.describe(e));
        }
    }
}
