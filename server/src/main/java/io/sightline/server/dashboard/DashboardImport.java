package io.sightline.server.dashboard;

import io.sightline.common.api.visualization.Visualization;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.datasource.DataSources;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.system.ApiException;
import io.sightline.server.visualization.Visualizations;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports a dashboard document (decision 0030): the export's form, or the JSON of Redash's
 * {@code GET /api/dashboards/{id}} (with a {@code data_sources} list beside it). Data sources are found by name
 * (and must be of the same type); the dashboard and its queries are matched by {@code options.sightline.key}, so
 * importing twice updates what the first import made. All or nothing: one transaction.
 */
@Service
class DashboardImport {

    private final DashboardService service;
    private final DashboardBodyReader reader;
    private final WidgetRepository widgets;
    private final ObjectKeyRepository keys;
    private final DataSources dataSources;
    private final SavedQueries queries;
    private final Visualizations visualizations;
    private final JsonMapper json;

    DashboardImport(DashboardService service, DashboardBodyReader reader, WidgetRepository widgets,
                    ObjectKeyRepository keys, DataSources dataSources, SavedQueries queries,
                    Visualizations visualizations, JsonMapper json) {
        this.service = service;
        this.reader = reader;
        this.widgets = widgets;
        this.keys = keys;
        this.dataSources = dataSources;
        this.queries = queries;
        this.visualizations = visualizations;
        this.json = json;
    }

    /** A query of the document, with the widgets' visualizations it must keep. */
    private static final class SourceQuery {
        final JsonNode query;
        final List<JsonNode> visualizations = new ArrayList<>();
        long dataSource;
        Map<Long, Long> newVisualizationIds = new HashMap<>();

        SourceQuery(JsonNode query) {
            this.query = query;
        }
    }

    /**
     * @return the id of the dashboard made or updated
     * @throws ApiException 400 naming what is wrong (a missing data source by name), 403 when the caller may not
     *         create or change the dashboard or its queries
     */
    @Transactional
    long importDocument(SightlineUser caller, JsonNode document) {
        return importDocument(caller, document, null);
    }

    /**
     * @param grid the columns of the source's grid: 6 for Redash up to 25.1 (its positions are then doubled, as
     *        Redash's own upgrade does), 12 for Redash 25.8 on and Sightline; null to guess: an export is 12, a
     *        Redash dashboard whose widest widget ends at column 6 or before is taken as 6
     */
    @Transactional
    long importDocument(SightlineUser caller, JsonNode document, Integer grid) {
        if (document == null || !document.isObject()) {
            throw bad("The body must be a JSON object: a dashboard document, the JSON of GET /api/dashboards/{id}/export");
        }
        boolean exportForm = document.path("dashboard").isObject();
        JsonNode dashboard = exportForm ? document.path("dashboard") : document;
        String prefix = exportForm ? "dashboard." : "";
        if (!dashboard.path("name").isString()) {
            throw bad("'" + prefix + "name' is required: the dashboard's name");
        }
        JsonNode widgetList = dashboard.path("widgets");
        if (!widgetList.isMissingNode() && !widgetList.isNull() && !widgetList.isArray()) {
            throw bad("'" + prefix + "widgets' must be an array");
        }
        Map<Long, String[]> sourceNames = dataSourceNames(document.path("data_sources"));

        // the queries behind the widgets, once each
        Map<Long, SourceQuery> sourceQueries = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode widget : widgetList.isArray() ? widgetList : json.createArrayNode()) {
            String field = prefix + "widgets[" + index++ + "]";
            if (!widget.isObject()) {
                throw bad("'" + field + "' must be a widget object");
            }
            if (widget.path("restricted").asBoolean(false)) {
                throw bad("'" + field + "' is restricted in the document (no visualization, no query): export the "
                        + "dashboard as a user who reaches all its data sources");
            }
            JsonNode viz = widget.path("visualization");
            if (viz.isMissingNode() || viz.isNull()) {
                continue;
            }
            JsonNode query = viz.path("query");
            if (!viz.isObject() || !query.isObject() || !query.path("id").canConvertToLong()
                    || !query.path("query").isString() || !viz.path("type").isString()) {
                throw bad("'" + field + ".visualization' must carry its type and its whole query "
                        + "(id, query, data_source_id, options)");
            }
            SourceQuery source = sourceQueries.computeIfAbsent(query.path("id").asLong(), id -> new SourceQuery(query));
            if (source.visualizations.stream().noneMatch(v -> v.path("id").asLong() == viz.path("id").asLong())) {
                source.visualizations.add(viz);
            }
        }
        // every data source found by name before anything is written
        for (SourceQuery source : sourceQueries.values()) {
            long sourceId = source.query.path("data_source_id").asLong(-1);
            String[] nameType = sourceNames.get(sourceId);
            if (nameType == null) {
                throw bad("'data_sources' must name data source " + sourceId + " of query '"
                        + source.query.path("name").asString() + "' ({id, name, type}): an import finds data "
                        + "sources by name");
            }
            Optional<Long> local = dataSources.findIdByName(nameType[0]);
            if (local.isEmpty()) {
                throw bad("Data source '" + nameType[0] + "' (type " + nameType[1] + ") does not exist on this "
                        + "server: create it under that name, then import again");
            }
            String type = dataSources.info(local.get()).type();
            if (nameType[1] != null && !nameType[1].equals(type)) {
                throw bad("Data source '" + nameType[0] + "' is of type " + type + " on this server, the document's "
                        + "is of type " + nameType[1]);
            }
            source.dataSource = local.get();
        }

        int widest = 0;
        for (JsonNode widget : widgetList.isArray() ? widgetList : json.createArrayNode()) {
            JsonNode position = widget.path("options").path("position");
            widest = Math.max(widest, position.path("col").asInt(0) + position.path("sizeX").asInt(0));
        }
        boolean doubled = grid != null ? grid == 6 : !exportForm && widest > 0 && widest <= 6;

        long dashboardId = saveDashboard(caller, dashboard, exportForm);
        for (SourceQuery source : sourceQueries.values()) {
            saveQuery(caller, source, exportForm);
        }
        widgets.deleteOfDashboard(dashboardId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        index = 0;
        for (JsonNode widget : widgetList.isArray() ? widgetList : json.createArrayNode()) {
            String field = prefix + "widgets[" + index++ + "]";
            JsonNode viz = widget.path("visualization");
            Long vizId = null;
            List<String> parameters = null;
            if (viz.isObject()) {
                SourceQuery source = sourceQueries.get(viz.path("query").path("id").asLong());
                vizId = source.newVisualizationIds.get(viz.path("id").asLong());
                parameters = WidgetJson.parameterNames(json.convertValue(source.query.path("options"), Map.class));
            }
            ObjectNode options = widget.path("options").isObject() ? ((ObjectNode) widget.path("options")).deepCopy()
                    : json.createObjectNode();
            if (doubled && options.path("position") instanceof ObjectNode position) {
                for (String key : List.of("col", "sizeX", "minSizeX", "maxSizeX")) {
                    if (position.path(key).isIntegralNumber()) {
                        position.put(key, position.path(key).asInt() * 2);
                    }
                }
            }
            try {
                WidgetOptionsCheck.check(options, parameters);
            } catch (ApiException e) {
                throw bad(e.getMessage().replace("'options", "'" + field + ".options"));
            }
            String text = widget.path("text").isString() ? widget.path("text").asString() : "";
            widgets.insert(dashboardId, vizId, text, widget.path("width").asInt(1), json.writeValueAsString(options),
                    now);
        }
        return dashboardId;
    }

    private Map<Long, String[]> dataSourceNames(JsonNode list) {
        Map<Long, String[]> names = new HashMap<>();
        if (list.isMissingNode() || list.isNull()) {
            return names;
        }
        if (!list.isArray()) {
            throw bad("'data_sources' must be an array of {id, name, type}");
        }
        int i = 0;
        for (JsonNode source : list) {
            if (!source.path("id").canConvertToLong() || !source.path("name").isString()) {
                throw bad("'data_sources[" + i + "]' must be {id, name, type}");
            }
            names.put(source.path("id").asLong(), new String[] {source.path("name").asString(),
                    source.path("type").isString() ? source.path("type").asString() : null});
            i++;
        }
        return names;
    }

    private long saveDashboard(SightlineUser caller, JsonNode dashboard, boolean exportForm) {
        ObjectNode options = dashboard.path("options").isObject() ? ((ObjectNode) dashboard.path("options")).deepCopy()
                : json.createObjectNode();
        String key = options.path("sightline").path("key").isString() ? options.path("sightline").path("key").asString()
                : dashboard.path("id").canConvertToLong() ? "redash-dashboard:" + dashboard.path("id").asLong()
                : java.util.UUID.randomUUID().toString(); // nothing to match: a new dashboard each time
        if (options.path("sightline").isObject()) {
            ((ObjectNode) options.path("sightline")).remove("key");
            if (options.path("sightline").isEmpty()) {
                options.remove("sightline");
            }
        }
        ObjectNode body = json.createObjectNode();
        body.put("name", dashboard.path("name").asString());
        body.set("tags", dashboard.path("tags").isArray() ? dashboard.path("tags") : json.createArrayNode());
        body.set("layout", dashboard.path("layout").isArray() ? dashboard.path("layout") : json.createArrayNode());
        body.set("options", options);
        body.put("is_draft", dashboard.path("is_draft").asBoolean(false));
        body.put("dashboard_filters_enabled", dashboard.path("dashboard_filters_enabled").asBoolean(false));
        Optional<Long> existing = keys.find(ObjectKeyRepository.DASHBOARD, key)
                .filter(id -> service.find(id).isPresent());
        long id;
        if (existing.isPresent()) {
            body.put("is_archived", false);
            id = service.update(caller, String.valueOf(existing.get()), prefixed(() -> reader.forUpdate(body),
                    exportForm)).id();
        } else {
            id = service.create(caller, prefixed(() -> reader.forCreate(body), exportForm));
            if (dashboard.path("dashboard_filters_enabled").asBoolean(false)) {
                service.update(caller, String.valueOf(id), reader.forUpdate(body));
            }
        }
        keys.put(ObjectKeyRepository.DASHBOARD, key, id);
        return id;
    }

    private void saveQuery(SightlineUser caller, SourceQuery source, boolean exportForm) {
        JsonNode query = source.query;
        ObjectNode options = query.path("options").isObject() ? ((ObjectNode) query.path("options")).deepCopy()
                : json.createObjectNode();
        String key = options.path("sightline").path("key").isString() ? options.path("sightline").path("key").asString()
                : "redash-query:" + query.path("id").asString();
        ObjectNode sightline = options.path("sightline").isObject() ? (ObjectNode) options.path("sightline")
                : options.putObject("sightline");
        sightline.put("key", key);
        ObjectNode body = json.createObjectNode();
        body.put("data_source_id", source.dataSource);
        body.set("name", query.path("name"));
        body.set("description", query.path("description").isString() ? query.path("description")
                : json.getNodeFactory().nullNode());
        body.set("query", query.path("query"));
        body.set("options", options);
        body.set("tags", query.path("tags").isArray() ? query.path("tags") : json.createArrayNode());
        body.put("is_draft", query.path("is_draft").asBoolean(false));
        if (!body.path("name").isString()) {
            body.remove("name");
        }
        Long existing = keys.find(ObjectKeyRepository.QUERY, key).orElse(null);
        long id;
        try {
            id = queries.save(caller, existing, body);
        } catch (ApiException e) {
            if (e.status().value() == 400) {
                throw bad("Query '" + query.path("name").asString() + "': " + e.getMessage());
            }
            throw e;
        }
        keys.put(ObjectKeyRepository.QUERY, key, id);
        // the query's own list of visualizations when the document has it (the export's), else the widgets'
        List<JsonNode> wanted = new ArrayList<>();
        query.path("visualizations").forEach(wanted::add);
        if (wanted.isEmpty() || source.visualizations.stream().anyMatch(v -> wanted.stream()
                .noneMatch(w -> w.path("id").asLong() == v.path("id").asLong()))) {
            wanted.clear();
            wanted.addAll(source.visualizations);
        }
        List<Visualization> list = new ArrayList<>();
        for (JsonNode v : wanted) {
            v = withLocalDrillThrough(v);
            list.add(new Visualization(0, v.path("type").asString(), v.path("name").isString() ? v.path("name")
                    .asString() : v.path("type").asString(), v.path("description").isString()
                    ? v.path("description").asString() : "", v.path("options").isObject()
                    ? json.convertValue(v.path("options"), Map.class) : Map.of(), null, null));
        }
        List<Long> ids = visualizations.replace(id, list);
        for (int i = 0; i < wanted.size(); i++) {
            source.newVisualizationIds.put(wanted.get(i).path("id").asLong(), ids.get(i));
        }
    }

    /**
     * A drill-through's target found by its key ({@code dashboard_key}, written by the export) on this server; when
     * that dashboard is not here (yet), {@code dashboard} becomes null rather than some other dashboard's id, and a
     * later import, after the target's, sets it.
     */
    private JsonNode withLocalDrillThrough(JsonNode visualization) {
        JsonNode drill = visualization.path("options").path("sightline").path("drillthrough");
        if (!drill.path("dashboard_key").isString()) {
            return visualization;
        }
        JsonNode copy = visualization.deepCopy();
        ObjectNode target = (ObjectNode) copy.path("options").path("sightline").path("drillthrough");
        Optional<Long> local = keys.find(ObjectKeyRepository.DASHBOARD, drill.path("dashboard_key").asString())
                .filter(id -> service.find(id).isPresent());
        if (local.isPresent()) {
            target.put("dashboard", local.get());
        } else {
            target.putNull("dashboard");
        }
        return copy;
    }

    private static <T> T prefixed(java.util.function.Supplier<T> read, boolean exportForm) {
        try {
            return read.get();
        } catch (ApiException e) {
            if (exportForm && e.status().value() == 400) {
                throw bad(e.getMessage().replaceFirst("^'", "'dashboard."));
            }
            throw e;
        }
    }

    private static ApiException bad(String message) {
        return ApiException.badRequest(message);
    }
}
