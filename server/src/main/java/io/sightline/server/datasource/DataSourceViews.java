package io.sightline.server.datasource;

import io.sightline.common.api.datasource.DataSourceDetail;
import io.sightline.common.api.datasource.DataSourceSummary;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Data sources as a given user may see them: admins see all, with options (secrets masked) and groups;
 * others see those their groups may use, view-only unless one of their groups has full access.
 */
@Component
class DataSourceViews {

    static final String SYNTAX = "sql";

    private final DataSourceRepository repository;
    private final DataSourceTypes types;
    private final DataSourceInfos infos;

    DataSourceViews(DataSourceRepository repository, DataSourceTypes types, DataSourceInfos infos) {
        this.repository = repository;
        this.types = types;
        this.infos = infos;
    }

    List<DataSourceSummary> list(SightlineUser user) {
        List<DataSourceRow> rows = repository.findAll();
        if (user.isAdmin()) {
            return rows.stream().map(row -> summary(row, false)).toList();
        }
        Map<Long, Boolean> access = repository.accessOf(user.groupIds());
        return rows.stream().filter(row -> access.containsKey(row.id()))
                .map(row -> summary(row, access.get(row.id()))).toList();
    }

    DataSourceDetail detail(long id, SightlineUser user) {
        DataSourceRow row = repository.findById(id).orElseThrow(() -> ConfiguredDataSources.notFound(id));
        boolean viewOnly = requireAccess(row, user);
        if (!user.isAdmin()) {
            return detail(row, viewOnly, null, null);
        }
        var fields = types.find(row.type()).map(types::fields).orElse(List.of());
        return detail(row, false, StoredOptions.masked(fields, row.options()), repository.groups(id));
    }

    /**
     * @return whether the user's access is view-only
     * @throws ApiException notFound for an unknown id, forbidden when none of the user's groups has access
     */
    boolean requireAccess(long id, SightlineUser user) {
        return requireAccess(repository.findById(id).orElseThrow(() -> ConfiguredDataSources.notFound(id)), user);
    }

    boolean requireAccess(DataSourceRow row, SightlineUser user) {
        if (user.isAdmin()) {
            return false;
        }
        return Optional.ofNullable(repository.accessOf(user.groupIds()).get(row.id()))
                .orElseThrow(() -> ApiException.forbidden("You have no access to data source '" + row.name() + "'"));
    }

    private DataSourceSummary summary(DataSourceRow row, boolean viewOnly) {
        return new DataSourceSummary(row.id(), row.name(), row.type(), SYNTAX, row.paused(), row.pauseReason(), viewOnly,
                DataSourceInfo.supportsAutoLimit(row.type()), infos.of(row).dialect().id());
    }

    private DataSourceDetail detail(DataSourceRow row, boolean viewOnly, Map<String, Object> options,
                                    Map<Long, Boolean> groups) {
        return new DataSourceDetail(row.id(), row.name(), row.type(), SYNTAX, row.paused(), row.pauseReason(), viewOnly,
                DataSourceInfo.supportsAutoLimit(row.type()), infos.of(row).dialect().id(), options, groups);
    }
}
