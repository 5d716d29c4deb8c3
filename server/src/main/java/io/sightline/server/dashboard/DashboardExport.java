package io.sightline.server.dashboard;

import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.datasource.DataSourceInfo;
import io.sightline.server.datasource.DataSources;
import io.sightline.server.system.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A dashboard as one JSON document (decision 0030): the dashboard in Redash's shape with its widgets, each
 * visualization with its whole query (and the query's visualizations), and the data sources by name and type only.
 * No secrets: no data source options, no API keys, no users. Queries and the dashboard carry
 * {@code options.sightline.key}, which an import matches.
 */
@Service
class DashboardExport {

    static final int FORMAT_VERSION = 1;
    /** What a query in the document keeps: Redash's query fields that describe it, nothing that is per server. */
    private static final List<String> QUERY_FIELDS = List.of("id", "name", "description", "query", "options", "tags",
            "is_draft", "data_source_id", "visualizations");
    private static final List<String> VISUALIZATION_FIELDS = List.of("id", "type", "name", "description", "options");

    private final DashboardService service;
    private final DashboardLists lists;
    private final ObjectKeyRepository keys;
    private final DataSources dataSources;
    private final JsonMapper json;

    DashboardExport(DashboardService service, DashboardLists lists, ObjectKeyRepository keys, DataSources dataSources,
                    JsonMapper json) {
        this.service = service;
        this.lists = lists;
        this.keys = keys;
        this.dataSources = dataSources;
        this.json = json;
    }

    /**
     * @throws ApiException 404 for no such dashboard, 403 when a widget's query is on a data source the caller does
     *         not reach (the document would show its SQL)
     */
    @Transactional
    ObjectNode export(SightlineUser caller, String idOrSlug) {
        DashboardService.requireList(caller);
        DashboardRow row = service.require(idOrSlug);
        keys.keyOrNew(ObjectKeyRepository.DASHBOARD, row.id());
        Dashboard dashboard = lists.one(row, caller);
        ObjectNode d = json.createObjectNode();
        d.put("id", dashboard.id());
        d.put("slug", dashboard.slug());
        d.put("name", dashboard.name());
        d.set("tags", json.valueToTree(dashboard.tags()));
        d.set("layout", json.valueToTree(dashboard.layout()));
        d.put("dashboard_filters_enabled", dashboard.filtersEnabled());
        d.put("is_draft", dashboard.draft());
        d.set("options", json.valueToTree(dashboard.options()));
        ArrayNode widgets = d.putArray("widgets");
        Map<Long, ObjectNode> sources = new LinkedHashMap<>();
        for (Map<String, Object> w : dashboard.widgets()) {
            JsonNode widget = json.valueToTree(w);
            if (widget.path("restricted").asBoolean(false)) {
                throw ApiException.forbidden("Widget " + widget.path("id").asLong() + " of dashboard " + row.id()
                        + " shows a query on a data source you do not reach: it cannot be exported by you");
            }
            ObjectNode out = widgets.addObject();
            for (String field : List.of("id", "width", "options", "text")) {
                out.set(field, widget.path(field));
            }
            JsonNode viz = widget.path("visualization");
            if (viz.isObject()) {
                ObjectNode v = out.putObject("visualization");
                VISUALIZATION_FIELDS.forEach(field -> v.set(field, viz.path(field).deepCopy()));
                drillThroughKey(v);
                v.set("query", query(viz.path("query"), sources));
            }
        }
        ObjectNode document = json.createObjectNode();
        document.put("sightline_export", FORMAT_VERSION);
        document.put("exported_at", OffsetDateTime.now(ZoneOffset.UTC).toString());
        document.set("dashboard", d);
        document.set("data_sources", json.valueToTree(List.copyOf(sources.values())));
        return document;
    }

    /**
     * A drill-through names its target dashboard by id, which differs between servers: the document adds the
     * target's key ({@code options.sightline.drillthrough.dashboard_key}) for an import to find it by.
     */
    private void drillThroughKey(ObjectNode visualization) {
        JsonNode drill = visualization.path("options").path("sightline").path("drillthrough");
        if (drill instanceof ObjectNode target && target.path("dashboard").canConvertToLong()
                && service.find(target.path("dashboard").asLong()).isPresent()) {
            target.put("dashboard_key", keys.keyOrNew(ObjectKeyRepository.DASHBOARD, target.path("dashboard").asLong()));
        }
    }

    private ObjectNode query(JsonNode query, Map<Long, ObjectNode> sources) {
        ObjectNode q = json.createObjectNode();
        QUERY_FIELDS.forEach(field -> q.set(field, query.path(field)));
        ArrayNode visualizations = json.createArrayNode();
        query.path("visualizations").forEach(v -> {
            ObjectNode copy = visualizations.addObject();
            VISUALIZATION_FIELDS.forEach(field -> copy.set(field, v.path(field).deepCopy()));
            drillThroughKey(copy);
        });
        q.set("visualizations", visualizations);
        ObjectNode options = query.path("options").isObject() ? ((ObjectNode) query.path("options")).deepCopy()
                : json.createObjectNode();
        ObjectNode sightline = options.path("sightline").isObject() ? (ObjectNode) options.path("sightline")
                : options.putObject("sightline");
        sightline.put("key", keys.keyOrNew(ObjectKeyRepository.QUERY, query.path("id").asLong()));
        q.set("options", options);
        long dataSource = query.path("data_source_id").asLong();
        sources.computeIfAbsent(dataSource, id -> {
            DataSourceInfo info = dataSources.info(id);
            ObjectNode source = json.createObjectNode();
            source.put("id", id);
            source.put("name", info.name());
            source.put("type", info.type());
            return source;
        });
        return q;
    }
}
