package io.sightline.server.datasource;

import io.sightline.server.system.ApiException;
import org.springframework.stereotype.Component;

/** Loads a data source and decrypts its options, for the parts that connect to it. */
@Component
class ConfiguredDataSources {

    private final DataSourceRepository repository;
    private final DataSourceTypes types;
    private final StoredOptions storedOptions;

    ConfiguredDataSources(DataSourceRepository repository, DataSourceTypes types, StoredOptions storedOptions) {
        this.repository = repository;
        this.types = types;
        this.storedOptions = storedOptions;
    }

    /** @throws ApiException notFound for an unknown id */
    ConfiguredDataSource load(long id) {
        return load(repository.findById(id).orElseThrow(() -> notFound(id)));
    }

    ConfiguredDataSource load(DataSourceRow row) {
        ConnectorType type = types.get(row.type());
        var fields = types.fields(type);
        return new ConfiguredDataSource(row, type, new DataSourceOptions(storedOptions.decode(fields, row.options()), fields));
    }

    static ApiException notFound(long id) {
        return ApiException.notFound("Data source " + id + " does not exist");
    }
}
