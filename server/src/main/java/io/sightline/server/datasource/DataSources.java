package io.sightline.server.datasource;

import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.ApiException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/** What other features may ask of data sources. */
@Service
public class DataSources {

    private final DataSourceRepository repository;
    private final DataSourceService service;
    private final ConfiguredDataSources configured;
    private final ConnectionPools pools;
    private final DataSourceViews views;
    private final DataSourceInfos infos;
    private final StoredOptions storedOptions;

    DataSources(DataSourceRepository repository, DataSourceService service,
                ConfiguredDataSources configured, ConnectionPools pools, DataSourceViews views,
                DataSourceInfos infos, StoredOptions storedOptions) {
        this.storedOptions = storedOptions;
        this.views = views;
        this.infos = infos;
        this.repository = repository;
        this.service = service;
        this.configured = configured;
        this.pools = pools;
    }

    public boolean exists(long id) {
        return repository.exists(id);
    }

    /** @throws ApiException 404 when there is no such data source */
    public void requireExists(long id) {
        if (!exists(id)) {
            throw ConfiguredDataSources.notFound(id);
        }
    }

    /**
     * What a run needs first, from one read of the data source's row: its {@link #info} and whether the user may only
     * run saved safe queries on it (view-only access through all of their groups that have it); admins have full
     * access to every data source.
     *
     * @throws ApiException 404 for an unknown id, 403 naming the data source when none of the user's groups has access
     */
    public DataSourceAccess access(long id, SightlineUser user) {
        DataSourceRow row = repository.findById(id).orElseThrow(() -> ConfiguredDataSources.notFound(id));
        boolean viewOnly = views.requireAccess(row, user);
        return new DataSourceAccess(info(row), viewOnly);
    }

    /**
     * The data sources the user's groups reach, view-only or full: what decides which saved queries they may see.
     * Read from the database on each call, so a change of access applies at once.
     */
    public DataSourceReach reach(SightlineUser user) {
        if (user.isAdmin()) {
            return new DataSourceReach(true, Set.of());
        }
        return new DataSourceReach(false, repository.accessOf(user.groupIds()).keySet());
    }

    /**
     * Whether the user may run any SQL on the data source: an admin, or one of their groups has full access.
     * False for an unknown id.
     */
    public boolean fullAccess(long id, SightlineUser user) {
        return user.isAdmin() ? exists(id) : Boolean.FALSE.equals(repository.accessOf(user.groupIds()).get(id));
    }

    /**
     * Whether the user may read what was run on the data source (its stored results, its jobs): admins always, others
     * when one of their groups has access to it, full or view-only (decision 0012).
     */
    public boolean reaches(long id, SightlineUser user) {
        return user.isAdmin() || repository.accessOf(user.groupIds()).containsKey(id);
    }

    /** @throws ApiException 404 when there is no such data source */
    public DataSourceInfo info(long id) {
        return info(repository.findById(id).orElseThrow(() -> ConfiguredDataSources.notFound(id)));
    }

    private DataSourceInfo info(DataSourceRow row) {
        return infos.of(row);
    }

    /**
     * What a worker needs to run a job, from one read of the data source's row: its {@link #info} and its
     * {@link DataSourceRun#connection a connection}.
     *
     * @throws ApiException 404 when there is no such data source (deleted, perhaps by another server: its pool is
     *                      closed)
     */
    public DataSourceRun forRun(long id) {
        DataSourceRow row = existingRow(id);
        return new DataSourceRun(row, info(row), configured, pools);
    }

    private DataSourceRow existingRow(long id) {
        Optional<DataSourceRow> row = repository.findById(id);
        if (row.isEmpty()) {
            pools.close(id); // deleted, perhaps by another server
            throw ConfiguredDataSources.notFound(id);
        }
        return row.get();
    }

    /**
     * Creates a data source as {@code POST /api/data_sources} does (same validation and errors), for example the
     * demo data source on first start. No group may use it until granted ({@link #grantFullAccess}).
     *
     * @return its id
     * @throws ApiException 400 for an unknown type or invalid options, 409 when the name is taken
     */
    public long create(String name, String type, Map<String, Object> options) {
        return service.create(name, type, options);
    }

    /** Gives the group full access to the data source (the demo data source's default group on first start). */
    public void grantFullAccess(long id, String groupName) {
        service.grantFullAccess(id, groupName);
    }

    public Optional<Long> findIdByName(String name) {
        return repository.findIdByName(name);
    }

    /** Encrypts every data source secret that a previous key encrypted again under the current key. */
    public Reencryption reencryptSecrets() {
        return Rewrites.run(repository::optionRows, storedOptions::reencrypted, repository::replaceOptions);
    }
}
