package io.sightline.server.datasource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sightline.server.secret.SecretReferenceException;
import io.sightline.server.secret.SecretReferences;
import io.sightline.server.system.ApiException;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Loads a data source, decrypts its options and reads the secrets it gives by reference, for the parts that connect
 * to it.
 */
@Component
class ConfiguredDataSources {

    private final DataSourceRepository repository;
    private final DataSourceTypes types;
    private final StoredOptions storedOptions;
    private final MetadataDatabaseGuard metadataGuard;
    private final SecretReferences references;
    private final Cache<Long, Loaded> decoded = Caffeine.newBuilder().maximumSize(10_000).build();

    ConfiguredDataSources(DataSourceRepository repository, DataSourceTypes types, StoredOptions storedOptions,
                          MetadataDatabaseGuard metadataGuard, SecretReferences references) {
        this.references = references;
        this.metadataGuard = metadataGuard;
        this.repository = repository;
        this.types = types;
        this.storedOptions = storedOptions;
    }

    /**
     * @throws ApiException notFound for an unknown id; 503 naming the option and the reason when a secret given by
     *                      reference cannot be read now (the variable is unset, the file is gone or not allowed)
     */
    ConfiguredDataSource load(long id) {
        return load(repository.findById(id).orElseThrow(() -> notFound(id)));
    }

    /**
     * Decrypts only when the row changed: a worker loads the data source for every job it runs, and the
     * remembered one is used only for a row equal in every column to the one it was made from. A data source with
     * secrets given by reference is never remembered: they are read again for every connection, so a rotated
     * Kubernetes Secret or Vault file is used from the next connection on (and the pool is rebuilt for it).
     */
    ConfiguredDataSource load(DataSourceRow row) {
        Loaded loaded = decoded.getIfPresent(row.id());
        if (loaded != null && loaded.row().equals(row)) {
            return loaded.source();
        }
        ConnectorType type = types.get(row.type());
        var fields = types.fields(type);
        Map<String, Object> values = storedOptions.decode(fields, row.options());
        Set<String> referenced = StoredOptions.referenced(fields, row.options());
        for (String name : referenced) {
            try {
                values.put(name, references.resolve(values.get(name).toString()));
            } catch (SecretReferenceException e) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Cannot connect to data source '" + row.name()
                        + "' (option '" + name + "'): " + e.getMessage());
            }
        }
        var source = new ConfiguredDataSource(row, type, new DataSourceOptions(values, fields));
        // also for data sources stored before saving refused them
        metadataGuard.check(source.spec(java.time.Duration.ofSeconds(1)));
        if (referenced.isEmpty()) {
            decoded.put(row.id(), new Loaded(row, source));
        }
        return source;
    }

    private record Loaded(DataSourceRow row, ConfiguredDataSource source) {
    }

    static ApiException notFound(long id) {
        return ApiException.notFound("Data source " + id + " does not exist");
    }
}
