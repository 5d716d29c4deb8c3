package io.sightline.server.datasource;

import io.sightline.common.api.datasource.DataSourceRequest;
import io.sightline.server.secret.SecretReferenceException;
import io.sightline.server.secret.SecretReferences;
import io.sightline.server.system.AfterCommit;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.Audited;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing, pausing and deleting data sources, with the API's validation. Callers check admin rights. */
@Service
class DataSourceService {

    private static final int MAX_NAME = 255;

    private final DataSourceRepository repository;
    private final DataSourceTypes types;
    private final StoredOptions storedOptions;
    private final ConnectionPools pools;
    private final SchemaBrowser schemas;
    private final ApplicationEventPublisher events;
    private final MetadataDatabaseGuard metadataGuard;
    private final SecretReferences references;

    DataSourceService(DataSourceRepository repository, DataSourceTypes types, StoredOptions storedOptions,
                      ConnectionPools pools, SchemaBrowser schemas, ApplicationEventPublisher events,
                      MetadataDatabaseGuard metadataGuard, SecretReferences references) {
        this.references = references;
        this.metadataGuard = metadataGuard;
        this.repository = repository;
        this.types = types;
        this.storedOptions = storedOptions;
        this.pools = pools;
        this.schemas = schemas;
        this.events = events;
    }

    @Transactional
    public long create(String name, String type, Map<String, Object> options) {
        String checkedName = checkedName(name);
        if (type == null || type.isBlank()) {
            throw ApiException.badRequest("'type' is required");
        }
        ConnectorType connector = types.get(type);
        var fields = types.fields(connector);
        var values = OptionsValidator.validate(connector, fields, options, Map::of);
        checkReferences(fields, values);
        refuseUnsafeConnection(connector, values);
        requireUnusedName(checkedName, null);
        long id;
        try {
            id = repository.insert(checkedName, connector.type(), storedOptions.encode(fields, values));
        } catch (DuplicateKeyException e) {
            throw nameTaken(checkedName);
        }
        // options are left out: they hold secrets, and the audit log is shipped elsewhere
        events.publishEvent(Audited.of("create", "data_source", id, Map.of("name", checkedName, "type", connector.type())));
        // Unlike Redash, no group may use a new data source until an admin grants one access.
        return id;
    }

    /** Absent fields keep their values; options, when sent, replace all options (masked secrets excepted). */
    @Transactional
    public void update(long id, DataSourceRequest request) {
        DataSourceRow row = repository.findById(id).orElseThrow(() -> ConfiguredDataSources.notFound(id));
        String name = request.name() == null ? row.name() : checkedName(request.name());
        ConnectorType connector = types.get(request.type() == null ? row.type() : request.type());
        boolean sameType = connector.type().equals(row.type());
        String options = row.options();
        if (request.options() != null) {
            var fields = types.fields(connector);
            var values = OptionsValidator.validate(connector, fields, request.options(),
                    () -> sameType ? storedOptions.decode(fields, row.options()) : Map.of());
            checkReferences(fields, values);
            refuseUnsafeConnection(connector, values);
            options = storedOptions.encode(fields, values);
        } else if (!sameType) {
            throw ApiException.badRequest("Changing the type to '" + connector.type() + "' needs its 'options' as well");
        }
        requireUnusedName(name, id);
        try {
            repository.update(id, name, connector.type(), options);
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        events.publishEvent(Audited.of("edit", "data_source", id, Map.of("name", name, "type", connector.type(),
                "options_changed", request.options() != null)));
        boolean optionsChanged = request.options() != null;
        AfterCommit.run(() -> {
            if (optionsChanged) {
                pools.retire(id); // at once, rather than on next use: a DuckDB file is shared only by equal settings
            }
            schemas.forget(id);
        });
    }

    @Transactional
    public void pause(long id, boolean paused, String reason) {
        repository.findById(id).orElseThrow(() -> ConfiguredDataSources.notFound(id));
        repository.setPaused(id, paused, paused ? reason : null);
        events.publishEvent(Audited.of(paused ? "pause" : "resume", "data_source", id,
                paused && reason != null ? Map.of("reason", reason) : Map.of()));
    }

    @Transactional
    public void delete(long id) {
        DataSourceRow row = repository.findById(id).orElseThrow(() -> ConfiguredDataSources.notFound(id));
        events.publishEvent(new DataSourceDeleted(id, row.name()));
        try {
            repository.delete(id);
        } catch (DataIntegrityViolationException e) {
            throw ApiException.conflict("Data source '" + row.name() + "' is still referred to (by saved queries"
                    + " or results); remove those first");
        }
        events.publishEvent(Audited.of("delete", "data_source", id, Map.of("name", row.name())));
        // once committed: a run waiting for this data source's pool must find the row gone, not a closed pool
        AfterCommit.run(() -> {
            pools.close(id);
            schemas.forget(id);
        });
    }

    /** A secret given as {@code env:}/{@code file:} must be allowed and readable here now (decision 0048). */
    private void checkReferences(java.util.List<OptionField> fields, Map<String, Object> values) {
        for (OptionField field : fields) {
            if (field.secret()) {
                try {
                    references.check(values.get(field.name()));
                } catch (SecretReferenceException e) {
                    throw ApiException.badRequest("Option '" + field.name() + "': " + e.getMessage());
                }
            }
        }
    }

    private void refuseUnsafeConnection(ConnectorType connector, Map<String, Object> values) {
        ConnectionSpec spec = connector.spec(types.options(connector, values), Duration.ofSeconds(1));
        metadataGuard.check(spec);
        ForcedSessionSettings.refuseUnsafe(spec);
    }

    /** Gives a group full access, as an admin does through the API (the demo data source on first start). */
    @Transactional
    public void grantFullAccess(long id, String groupName) {
        repository.grant(id, groupName, false);
    }

    private void requireUnusedName(String name, Long self) {
        repository.findIdByName(name).filter(other -> !other.equals(self)).ifPresent(other -> {
            throw nameTaken(name);
        });
    }

    private static ApiException nameTaken(String name) {
        return ApiException.conflict("A data source named '" + name + "' already exists");
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("'name' is required");
        }
        String trimmed = name.trim();
        if (trimmed.length() > MAX_NAME) {
            throw ApiException.badRequest("'name' is longer than " + MAX_NAME + " characters");
        }
        return trimmed;
    }
}
