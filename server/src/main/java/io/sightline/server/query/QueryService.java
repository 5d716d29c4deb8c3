package io.sightline.server.query;

import io.sightline.server.auth.SightlineUser;
import io.sightline.server.auth.Users;
import io.sightline.server.datasource.DataSources;
import io.sightline.server.system.ApiException;
import io.sightline.server.system.Audited;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved queries: every create and update also writes the version row, in the same transaction, so the history
 * never misses a saved state. Concurrent updates are serialised by {@code UPDATE ... WHERE version = ?}.
 */
@Service
class QueryService {

    static final String FORK_PREFIX = "Copy of ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final QueryRepository queries;
    private final QueryTagRepository tags;
    private final QueryVersionRepository versions;
    private final DataSources dataSources;
    private final Users users;
    private final QueryAccess access;
    private final QueryVisualizations visualizations;
    private final ApplicationEventPublisher events;
    private final DropdownQueries dropdowns;
    private final LatestResultStats results;

    QueryService(QueryRepository queries, QueryTagRepository tags, QueryVersionRepository versions,
                 DataSources dataSources, Users users, QueryAccess access, QueryVisualizations visualizations,
                 ApplicationEventPublisher events, DropdownQueries dropdowns, LatestResultStats results) {
        this.dropdowns = dropdowns;
        this.results = results;
        this.events = events;
        this.visualizations = visualizations;
        this.queries = queries;
        this.tags = tags;
        this.versions = versions;
        this.dataSources = dataSources;
        this.users = users;
        this.access = access;
    }

    private QueryRow require(long id) {
        return queries.find(id).orElseThrow(() -> QueryAccess.notFound(id));
    }

    /** @throws ApiException 404 for a query that does not exist or whose data source the caller does not reach */
    QueryRow require(long id, SightlineUser caller) {
        return access.visible(id, caller);
    }

    /**
     * A query owned by the caller, who needs full access to its data source.
     *
     * @throws ApiException 400 for an unknown data source, 403 naming it for view-only or no access; 400 / 403 for a
     *         dropdown parameter naming a query that does not exist / that the caller does not reach
     */
    @Transactional
    long create(SightlineUser caller, QueryContent content, List<String> tagList) {
        access.requireFullAccess(caller, content.dataSourceId());
        dropdowns.requireReachable(caller, content.optionsJson());
        long id = createAs(caller.id(), content, tagList);
        events.publishEvent(Audited.of("create", "query", id, Map.of("name", content.name(),
                "data_source_id", content.dataSourceId())));
        if (content.scheduleJson() != null) {
            events.publishEvent(Audited.of("change_schedule", "query", id, Map.of("schedule", content.scheduleJson())));
        }
        return id;
    }

    /** A query the server creates for a user (demo data): no access check. It gets its TABLE visualization. */
    @Transactional
    long createAs(long userId, QueryContent content, List<String> tagList) {
        OffsetDateTime now = now();
        long id = insert(userId, content, tagList, now);
        visualizations.addDefaultTable(id, now);
        return id;
    }

    private long insert(long userId, QueryContent content, List<String> tagList, OffsetDateTime now) {
        requireDataSource(content.dataSourceId());
        long id = queries.insert(content, userId, newApiKey(), now);
        tags.replace(id, tagList);
        versions.insert(require(id), userId, now);
        return id;
    }

    /** @throws ApiException 409 when {@code edit} names a version that is no longer the current one */
    @Transactional
    void update(SightlineUser caller, long id, QueryEdit edit) {
        QueryRow current = require(id, caller);
        access.requireModify(caller, current);
        if (edit.schedules()) {
            QueryPermissions.requireSchedule(caller);
        }
        // the data source the query runs on once saved: its SQL is the caller's from now on
        long dataSourceId = edit.has(QueryEdit.DATA_SOURCE_ID) ? edit.dataSourceId() : current.dataSourceId();
        access.requireFullAccess(caller, dataSourceId);
        if (edit.has(QueryEdit.OPTIONS)) {
            dropdowns.requireReachable(caller, edit.optionsJson());
        }
        if (edit.latestQueryDataId() != null) {
            requireResultOf(dataSourceId, edit.latestQueryDataId());
        }
        if (edit.version() != null && edit.version() != current.version()) {
            throw changedMeanwhile(current);
        }
        OffsetDateTime now = now();
        if (!queries.update(id, edit.version(), edit, caller.id(), now)) {
            throw changedMeanwhile(require(id)); // another update committed between our read and our write
        }
        if (edit.has(QueryEdit.TAGS)) {
            tags.replace(id, edit.tags());
        }
        QueryRow saved = require(id);
        versions.insert(saved, caller.id(), now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changed", edit.sent().stream().filter(field -> !QueryEdit.VERSION.equals(field)).sorted().toList());
        details.put("version", saved.version());
        events.publishEvent(Audited.of("edit", "query", id, details));
        if (edit.has(QueryEdit.SCHEDULE)) {
            Map<String, Object> schedule = new LinkedHashMap<>();
            schedule.put("schedule", edit.scheduleJson()); // null: no longer scheduled
            events.publishEvent(Audited.of("change_schedule", "query", id, schedule));
        }
    }

    @Transactional
    void archive(SightlineUser caller, long id) {
        access.requireModify(caller, require(id, caller));
        queries.archive(id, now());
        events.publishEvent(new QueryArchived(id));
        events.publishEvent(Audited.of("archive", "query", id));
    }

    /**
     * A copy owned by the caller (who needs full access to its data source): new API key, version 1, not scheduled,
     * with copies of the source's visualizations (and no extra TABLE one, as in Redash).
     */
    @Transactional
    long fork(SightlineUser caller, long id) {
        QueryPermissions.requireCreate(caller);
        QueryRow source = require(id, caller);
        String name = FORK_PREFIX + source.name();
        if (name.length() > QueryBodyReader.MAX_NAME_CHARS) {
            name = name.substring(0, QueryBodyReader.MAX_NAME_CHARS);
        }
        var content = new QueryContent(source.dataSourceId(), name, source.description(), source.queryText(), null,
                source.options(), true); // a draft, as Redash's fork
        access.requireFullAccess(caller, content.dataSourceId());
        OffsetDateTime now = now();
        long forked = insert(caller.id(), content, tags.tags(id), now);
        visualizations.copy(id, forked, now);
        events.publishEvent(Audited.of("fork", "query", forked, Map.of("forked_from", id)));
        return forked;
    }

    List<QueryVersionRow> versions(SightlineUser caller, long id) {
        require(id, caller);
        return versions.list(id);
    }

    QueryVersionRow version(SightlineUser caller, long id, long version) {
        require(id, caller);
        return versions.find(id, version)
                .orElseThrow(() -> ApiException.notFound("Query " + id + " has no version " + version));
    }

    /** A query's latest result must be one of its own data source (Redash's editor saves the result it ran). */
    private void requireResultOf(long dataSourceId, long resultId) {
        Long resultDataSource = results.dataSourceOf(resultId);
        if (resultDataSource == null) {
            throw ApiException.badRequest("'latest_query_data_id' names query result " + resultId
                    + ", which does not exist");
        }
        if (resultDataSource != dataSourceId) {
            throw ApiException.badRequest("'latest_query_data_id' names query result " + resultId
                    + ", which is not a result of the query's data source");
        }
    }

    private void requireDataSource(long dataSourceId) {
        if (!dataSources.exists(dataSourceId)) {
            throw ApiException.badRequest("Data source " + dataSourceId + " does not exist");
        }
    }

    private ApiException changedMeanwhile(QueryRow current) {
        long by = current.lastModifiedById() != null ? current.lastModifiedById() : current.userId();
        String who = users.summary(by).map(Users.UserSummary::name).orElse("user " + by);
        return ApiException.conflict("Query " + current.id() + " was changed by " + who + " at "
                + current.updatedAt() + " (version " + current.version() + "); reload it or overwrite");
    }

    static String newApiKey() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
