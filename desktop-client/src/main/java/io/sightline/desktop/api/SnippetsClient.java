package io.sightline.desktop.api;

import io.sightline.common.api.snippet.QuerySnippet;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * Query snippets ({@code /api/query_snippets...}), over the workbench's transport. Every method blocks: call it
 * from a background task.
 */
public final class SnippetsClient {

    private final SightlineClient transport;

    public SnippetsClient(SightlineClient transport) {
        this.transport = transport;
    }

    public List<QuerySnippet> querySnippets() {
        return SightlineClient.JSON.convertValue(transport.get(transport.url("api/query_snippets")),
                new TypeReference<List<QuerySnippet>>() { });
    }

    public QuerySnippet saveQuerySnippet(Long id, String trigger, String description, String snippet) {
        return SightlineClient.JSON.treeToValue(
                transport.post(transport.url(id == null ? "api/query_snippets" : "api/query_snippets/" + id),
                        Map.of("trigger", trigger, "description", description, "snippet", snippet)),
                QuerySnippet.class);
    }

    public void deleteQuerySnippet(long id) {
        transport.delete(transport.url("api/query_snippets/" + id));
    }
}
