package io.sightline.server.result;

import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.QueryKeyCaller;
import io.sightline.server.datasource.DataSources;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.query.SavedQuery;
import io.sightline.server.system.ApiException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who may read stored results (decision 0012): a user whose groups reach the result's data source (view-only is
 * enough; admins reach all), or a query's own API key for the results of that query. What the caller may not read
 * is answered exactly as what does not exist (404), so ids cannot be probed. For request threads: the caller is the
 * current request's.
 */
@Service
public class ResultAccess {

    private final ResultStore store;
    private final DataSources dataSources;
    private final SavedQueries savedQueries;

    ResultAccess(ResultStore store, DataSources dataSources, SavedQueries savedQueries) {
        this.store = store;
        this.dataSources = dataSources;
        this.savedQueries = savedQueries;
    }

    /** @throws ApiException 404 "Query result N does not exist", also when the caller may not read it */
    public StoredResult readable(long resultId) {
        return store.find(resultId).filter(this::mayRead)
                .orElseThrow(() -> ApiException.notFound("Query result " + resultId + " does not exist"));
    }

    /**
     * The saved query, when the caller reaches its data source or holds its API key.
     *
     * @throws ApiException 404 "Query N does not exist", also when the caller may not see it
     */
    public SavedQuery readableQuery(long queryId) {
        Optional<QueryKeyCaller> key = CurrentUser.queryKey();
        return savedQueries.find(queryId)
                .filter(query -> key.isPresent() ? key.get().queryId() == queryId
                        : dataSources.reaches(query.dataSourceId(), CurrentUser.get()))
                .orElseThrow(() -> ApiException.notFound("Query " + queryId + " does not exist"));
    }

    /**
     * The latest result of a saved query the caller may see.
     *
     * @throws ApiException 404 for a query the caller may not see, one never run, or a latest result on a data
     *         source the caller does not reach (the query was moved to another one since)
     */
    public StoredResult latestOf(long queryId) {
        return latestOf(readableQuery(queryId));
    }

    /** As {@link #latestOf(long)}, for a query {@link #readableQuery(long)} gave. */
    StoredResult latestOf(SavedQuery query) {
        Long latest = query.latestQueryDataId();
        if (latest == null) {
            throw ApiException.notFound("Query " + query.id() + " has not been run yet");
        }
        return readable(latest);
    }

    private boolean mayRead(StoredResult result) {
        Optional<QueryKeyCaller> key = CurrentUser.queryKey();
        if (result.ownerId() != null) {
            // one user's own run ({{ current_user }}, a data source told who runs it): theirs alone, by id too
            return key.isEmpty() && result.ownerId() == CurrentUser.get().id()
                    && dataSources.reaches(result.dataSourceId(), CurrentUser.get());
        }
        if (key.isPresent()) {
            return savedQueries.find(key.get().queryId()).filter(query -> ofQuery(result, query)).isPresent();
        }
        return dataSources.reaches(result.dataSourceId(), CurrentUser.get());
    }

    /** The query's latest result, or a run of its very text (no parameters) on its own data source. */
    private static boolean ofQuery(StoredResult result, SavedQuery query) {
        return Long.valueOf(result.id()).equals(query.latestQueryDataId())
                || (result.dataSourceId() == query.dataSourceId() && result.queryText().equals(query.queryText()));
    }
}
