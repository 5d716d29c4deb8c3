package io.sightline.server.query;

import io.sightline.server.system.ApiException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What other features may ask of saved queries. */
@Service
public class SavedQueries {

    private final QueryRepository queries;
    private final QueryService service;
    private final QueryBodyReader reader;
    private final QueryBookmarks bookmarks;

    SavedQueries(QueryRepository queries, QueryService service, QueryBodyReader reader, QueryBookmarks bookmarks) {
        this.queries = queries;
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
     * Points the query at its newest result. Not an edit: version and {@code updated_at} stay as they are.
     *
     * @throws ApiException 404 when there is no such query
     */
    public void recordLatestResult(long queryId, long queryResultId) {
        if (!queries.setLatestResult(queryId, queryResultId)) {
            throw ApiException.notFound("Query " + queryId + " does not exist");
        }
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
        return service.create(userId, content, reader.tags(q.tags()));
    }
}
