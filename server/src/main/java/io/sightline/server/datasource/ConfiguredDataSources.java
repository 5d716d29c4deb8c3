package io.sightline.server.datasource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sightline.server.system.ApiException;
import org.springframework.stereotype.Component;

/** Loads a data source and decrypts its options, for the parts that connect to it. */
@Component
class ConfiguredDataSources {

    private final DataSourceRepository repository;
    private final DataSourceTypes types;
    private final StoredOptions storedOptions;
    private final MetadataDatabaseGuard metadataGuard;
    private final Cache<Long, Loaded> decoded = Caffeine.newBuilder().maximumSize(10_000).build();

    ConfiguredDataSources(DataSourceRepository repository, DataSourceTypes types, StoredOptions storedOptions,
                          MetadataDatabaseGuard metadataGuard) {
        this.metadataGuard = metadataGuard;
        this.repository = repository;
        this.types = types;
        this.storedOptions = storedOptions;
    }

    /** @throws ApiException notFound for an unknown id */
    ConfiguredDataSource load(long id) {
        return load(repository.findById(id).orElseThrow(() -> notFound(id)));
    }

    /**
     * Decrypts only when the row changed: a worker loads the data source for every job it runs, and the
     * remembered one is used only for a row equal in every column to the one it was made from.
     */
    ConfiguredDataSource load(DataSourceRow row) {
        Loaded loaded = decoded.getIfPresent(row.id());
        if (loaded != null && loaded.row().equals(row)) {
            return loaded.source();
        }
        ConnectorType type = types.get(row.type());
        var fields = types.fields(type);
        var source = new ConfiguredDataSource(row, type, new DataSourceOptions(storedOptions.decode(fields, row.options()), fields));
        // also for data sources stored before saving refused them
        metadataGuard.check(source.spec(java.time.Duration.ofSeconds(1)));
        decoded.put(row.id(), new Loaded(row, source));
        return source;
    }

    private record Loaded(DataSourceRow row, ConfiguredDataSource source) {
    }

    static ApiException notFound(long id) {
        return ApiException.notFound("Data source " + id + " does not exist");
    }
}
