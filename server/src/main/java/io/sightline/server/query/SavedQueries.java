package io.sightline.server.query;

import io.sightline.server.system.ApiException;
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
        var content = new QueryContent(q.dataSourceId(), name, q.description(), QueryBodyReader.queryText(q.queryText()),
                null, reader.options(q.optionsJson()), false);
        return service.create(userId, content, reader.tags(q.tags()));
    }
}
