package io.sightline.server.query;

import io.sightline.common.api.query.Query;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.system.ApiException;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** What other features may ask of saved queries. */
@Service
public class SavedQueries {

    private final QueryRepository queries;
    private final QueryService service;
    private final QueryBodyReader reader;
    private final QueryBookmarks bookmarks;
    private final QueryAccess access;
    private final QueryLists lists;
    private final ApplicationEventPublisher events;

    SavedQueries(QueryRepository queries, QueryService service, QueryBodyReader reader, QueryBookmarks bookmarks,
                 QueryAccess access, QueryLists lists, ApplicationEventPublisher events) {
        this.queries = queries;
        this.lists = lists;
        this.events = events;
        this.access = access;
        this.bookmarks = bookmarks;
        this.service = service;
        this.reader = reader;
    }

    /** The query with that id, archived or not. */
    public Optional<SavedQuery> find(long id) {
        return queries.find(id).map(QueryRow::toSavedQuery);
    }

    /** The first query (lowest id) with exactly that name, preferring one that is not archived. */
    public Optional<SavedQuery> findByName(String name) {
        return queries.findByName(name).map(QueryRow::toSavedQuery);
    }

    /**
     * The query's JSON as {@code GET /api/queries/{id}} answers it to {@code viewer} (without counting a use).
     *
     * @throws ApiException 404 when there is no such query or the viewer does not reach its data source
     */
    public Query json(long id, SightlineUser viewer) {
        return lists.one(id, viewer);
    }

    /**
     * Points the query at its newest result, and announces it ({@link LatestResultRecorded}) in this thread: every
     * run of a saved query, scheduled, manual or by API, ends here in the process that ran it. Not an edit: version
     * and {@code updated_at} stay as they are.
     *
     * @throws ApiException 404 when there is no such query
     */
    public void recordLatestResult(long queryId, long queryResultId) {
        if (!queries.setLatestResult(queryId, queryResultId)) {
            throw ApiException.notFound("Query " + queryId + " does not exist");
        }
        events.publishEvent(new LatestResultRecorded(queryId, queryResultId));
    }

    /** Queries with a schedule object that are not archived (whether or not the schedule is on). */
    public List<ScheduledQuery> scheduled() {
        return queries.scheduled().stream().map(SavedQueries::scheduled).toList();
    }

    private static ScheduledQuery scheduled(QueryRow row) {
        try {
            return new ScheduledQuery(row.id(), row.userId(), row.schedule(), QuerySchedule.read(row.schedule()), null);
        } catch (ApiException e) {
            return new ScheduledQuery(row.id(), row.userId(), row.schedule(), null, e.getMessage());
        }
    }

    /**
     * The outcome of a scheduled refresh: a success ({@code error} null) resets the failure count and last error
     * that the query's JSON shows; a failure adds one and keeps its message. Not an edit (version stays).
     *
     * @return the failures in a row now (0 after a success), or empty when the query no longer exists
     */
    public Optional<Integer> recordScheduledRun(long queryId, String error) {
        return queries.recordScheduledRun(queryId, error);
    }

    /**
     * Why the query's SQL may not run for a user with view-only access, or on its schedule: its owner (who
     * vouches for the SQL, as in Redash) is disabled or does not have full access to its data source. Empty
     * while the owner may run it, or when there is no such query.
     */
    public Optional<String> ownerMayNotRun(long queryId) {
        return queries.find(queryId).flatMap(access::ownerMayNotRun);
    }

    /**
     * Stops the schedule of a query whose owner may no longer run it (see {@link #ownerMayNotRun}): the schedule
     * is kept but marked {@code disabled} (as Redash does) and {@code schedule_last_error} says why, until someone
     * with full access saves it switched on again. Nothing changes if a user saved another schedule meanwhile.
     *
     * @param scheduleJson the schedule as the scheduler read it
     * @return the reason when the schedule was stopped (or was changed meanwhile), empty when it may run
     */
    public Optional<String> stopScheduleUnlessOwnerMayRun(long queryId, String scheduleJson) {
        Optional<String> why = ownerMayNotRun(queryId).map(reason -> "The schedule was stopped: " + reason
                + ". Someone with full access to the data source may switch it on again by saving the query's schedule.");
        why.ifPresent(reason -> queries.stopSchedule(queryId, scheduleJson, QuerySchedule.disabledJson(scheduleJson),
                reason));
        return why;
    }

    /**
     * Checks that the caller may change what belongs to the query (its visualizations): as for the query itself,
     * the permission {@code edit_query} and being its owner, an admin or granted {@code modify} on it.
     *
     * @throws ApiException 404 when there is no such query or the caller does not reach its data source, 403 when
     *         they see it but may not change it
     */
    public void requireModifiable(long queryId, SightlineUser caller) {
        access.requireModify(caller, access.visible(queryId, caller));
    }

    /** Remembers that the user ran the query just now, for their "recent" list; an unknown id is ignored. */
    public void recordUse(long userId, long queryId) {
        bookmarks.recordUse(userId, queryId);
    }

    /**
     * Creates a query owned by {@code userId} (version 1, with its version row), validated as
     * {@code POST /api/queries} validates a body.
     *
     * @return the new query's id
     * @throws ApiException 400 for an invalid field or unknown data source, 413 for a text over 1,000,000 characters
     */
    public long create(long userId, NewQuery q) {
        if (q.queryText() == null) {
            throw ApiException.badRequest("'query' is required: the SQL text of the query");
        }
        String name = q.name() == null ? QueryBodyReader.DEFAULT_NAME : QueryBodyReader.name(q.name());
        var content = new QueryContent(q.dataSourceId(), name, q.description(), reader.queryText(q.queryText()),
                null, reader.options(q.optionsJson()), false);
        return service.createAs(userId, content, reader.tags(q.tags()));
    }

    /**
     * The query as {@code GET /api/queries/{id}} shows it to the caller (archived or not), or empty when there is no
     * such query or the caller does not reach its data source (a dashboard shows such a widget as restricted).
     */
    public Optional<Query> view(long id, SightlineUser caller) {
        try {
            return Optional.of(lists.one(id, caller));
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@link #view} of several queries at once, by id; those the caller does not see are left out. */
    public java.util.Map<Long, Query> view(java.util.Collection<Long> ids, SightlineUser caller) {
        return lists.some(ids, caller);
    }

    /**
     * Saves a query from a document (a dashboard import) as {@code POST /api/queries[/{id}]} would: {@code body}
     * holds {@code data_source_id, name, description, query, options, tags, is_draft}, checked as a request's. An
     * existing query is updated whatever its version (the document is the truth); a missing one is created.
     *
     * @param existing the query to update, or null to create one
     * @return the query's id
     * @throws ApiException 400 for an invalid field, 403 without full access to the data source or when the caller
     *         may not change the existing query
     */
    public long save(SightlineUser caller, Long existing, JsonNode body) {
        if (existing != null && queries.find(existing).isPresent()) {
            service.update(caller, existing, reader.forUpdate(body));
            return existing;
        }
        QueryPermissions.requireCreate(caller);
        QueryEdit edit = reader.forCreate(body);
        var content = new QueryContent(edit.dataSourceId(), edit.name(), edit.description(), edit.queryText(),
                null, edit.optionsJson(), edit.draft());
        return service.create(caller, content, edit.tags());
    }
}
