package io.sightline.desktop.api;

import io.sightline.common.api.query.Query;
import io.sightline.common.api.query.QueryPage;
import io.sightline.common.api.query.QueryTags;
import io.sightline.common.api.query.QueryVersion;
import io.sightline.common.parameter.ParameterDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Saved queries ({@code /api/queries...}): lists, tags, stars, drafts and saves, versions and dropdown options,
 * over the workbench's transport. Every method blocks: call it from a background task.
 */
public final class QueriesClient {

    private final SightlineClient transport;

    public QueriesClient(SightlineClient transport) {
        this.transport = transport;
    }

    public QueryPage queries(String search, boolean onlyMine, int page, int pageSize) {
        return queries(onlyMine ? QueryScope.MINE : QueryScope.ALL, search, null, page, pageSize);
    }

    /**
     * One page of saved queries, newest change first (a {@link QueryScope#RECENT} list: newest use first).
     *
     * @param tag only queries with this tag; null or blank = any
     */
    public QueryPage queries(QueryScope scope, String search, String tag, int page, int pageSize) {
        HttpUrl.Builder url = transport.url(scope.path).newBuilder()
                .addQueryParameter("page", Integer.toString(page))
                .addQueryParameter("page_size", Integer.toString(pageSize))
                .addQueryParameter("order", "-updated_at");
        if (search != null && !search.isBlank()) {
            url.addQueryParameter("q", search.strip());
        }
        if (tag != null && !tag.isBlank()) {
            url.addQueryParameter("tags", tag.strip());
        }
        if (scope == QueryScope.RECENT) { // a plain array, as Redash answers it: one page, the latest uses
            List<Query> recent = page > 1 ? List.of()
                    : SightlineClient.JSON.convertValue(transport.get(url.build()), new TypeReference<List<Query>>() { });
            return new QueryPage(recent.size(), page, pageSize, recent);
        }
        return SightlineClient.JSON.treeToValue(transport.get(url.build()), QueryPage.class);
    }

    /** The tags of saved queries, the most used first. */
    public List<String> queryTags() {
        return SightlineClient.JSON.treeToValue(transport.get(transport.url("api/queries/tags")), QueryTags.class)
                .tags().stream().map(QueryTags.TagCount::name).toList();
    }

    /** Stars or unstars a query for the signed-in user; answers the query as it is now. */
    public Query favoriteQuery(long id, boolean favorite) {
        HttpUrl url = transport.url("api/queries/" + id + "/favorite");
        return SightlineClient.JSON.treeToValue(favorite ? transport.post(url, Map.of()) : transport.delete(url),
                Query.class);
    }

    public Query query(long id) {
        return SightlineClient.JSON.treeToValue(transport.get(transport.url("api/queries/" + id)), Query.class);
    }

    public Query createQuery(QueryDraft draft) {
        return SightlineClient.JSON.treeToValue(transport.post(transport.url("api/queries"), body(draft)),
                Query.class);
    }

    /** Publishes a draft query (Redash's {@code is_draft: false}): it then shows in everyone's lists. */
    public Query publishQuery(long id) {
        return SightlineClient.JSON.treeToValue(
                transport.post(transport.url("api/queries/" + id), Map.of("is_draft", false)), Query.class);
    }

    /** @throws ApiException with {@link ApiException#conflict()} when the draft's version is stale */
    public Query updateQuery(long id, QueryDraft draft) {
        Map<String, Object> body = body(draft);
        body.put("version", draft.version());
        return SightlineClient.JSON.treeToValue(transport.post(transport.url("api/queries/" + id), body),
                Query.class);
    }

    public List<QueryVersion> versions(long queryId) {
        return SightlineClient.JSON.convertValue(transport.get(transport.url("api/queries/" + queryId + "/versions")),
                new TypeReference<>() { });
    }

    public QueryVersion version(long queryId, long version) {
        return SightlineClient.JSON.treeToValue(
                transport.get(transport.url("api/queries/" + queryId + "/versions/" + version)), QueryVersion.class);
    }

    /** The options of a query-based dropdown: from the latest result of query {@code queryId}. */
    public List<DropdownOption> dropdown(long queryId) {
        List<DropdownOption> options = new ArrayList<>();
        for (JsonNode option : transport.get(transport.url("api/queries/" + queryId + "/dropdown"))) {
            String value = option.path("value").asString();
            options.add(new DropdownOption(option.path("name").isNull() || option.path("name").isMissingNode()
                    ? value : option.path("name").asString(), value));
        }
        return options;
    }

    /** The parameter declarations in a query's {@code options}. */
    public static List<ParameterDeclaration> parameters(Map<String, Object> options) {
        Object declared = options == null ? null : options.get("parameters");
        if (declared == null) {
            return List.of();
        }
        return SightlineClient.JSON.convertValue(declared, new TypeReference<List<ParameterDeclaration>>() { });
    }

    private static Map<String, Object> body(QueryDraft draft) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data_source_id", draft.dataSourceId());
        body.put("name", draft.name());
        body.put("description", draft.description());
        body.put("query", draft.sql());
        body.put("options", Map.of("parameters", draft.parameters()));
        body.put("tags", draft.tags());
        return body;
    }
}
