package io.sightline.desktop.api;

import io.sightline.common.api.datasource.ConnectionTestResult;
import io.sightline.common.api.datasource.DataSourceDetail;
import io.sightline.common.api.datasource.DataSourceRequest;
import io.sightline.common.api.datasource.DataSourceSchema;
import io.sightline.common.api.datasource.DataSourceSummary;
import io.sightline.common.api.datasource.DataSourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import tools.jackson.core.type.TypeReference;

/**
 * Data sources ({@code /api/data_sources...}): the list and schemas the editor reads, and the admin's forms, over
 * the workbench's transport. Every method blocks: call it from a background task.
 */
public final class DataSourcesClient {

    private final SightlineClient transport;

    public DataSourcesClient(SightlineClient transport) {
        this.transport = transport;
    }

    /** The data sources by name, as the workbench lists them (the server lists them by id, as Redash does). */
    public List<DataSourceSummary> dataSources() {
        List<DataSourceSummary> listed = SightlineClient.JSON.convertValue(
                transport.get(transport.url("api/data_sources")), new TypeReference<List<DataSourceSummary>>() { });
        return listed.stream().sorted(Comparator.comparing(DataSourceSummary::name,
                String.CASE_INSENSITIVE_ORDER).thenComparingLong(DataSourceSummary::id)).toList();
    }

    public List<SchemaTable> schema(long dataSourceId, boolean refresh) {
        HttpUrl.Builder url = transport.url("api/data_sources/" + dataSourceId + "/schema").newBuilder();
        if (refresh) {
            url.addQueryParameter("refresh", "true");
        }
        DataSourceSchema schema = SightlineClient.JSON.treeToValue(transport.get(url.build()), DataSourceSchema.class);
        List<SchemaTable> tables = new ArrayList<>();
        for (DataSourceSchema.Table table : schema.schema()) {
            tables.add(new SchemaTable(table.name(), table.columns() == null ? List.of() : table.columns().stream()
                    .map(column -> new SchemaTable.SchemaColumn(column.name(), column.type())).toList()));
        }
        return tables;
    }

    public List<DataSourceType> dataSourceTypes() {
        return SightlineClient.JSON.convertValue(transport.get(transport.url("api/data_sources/types")),
                new TypeReference<List<DataSourceType>>() { });
    }

    /** The admin view of a data source: options with secrets masked as {@link DataSourceDetail#MASK}. */
    public DataSourceDetail dataSource(long id) {
        return SightlineClient.JSON.treeToValue(transport.get(transport.url("api/data_sources/" + id)),
                DataSourceDetail.class);
    }

    public long createDataSource(String name, String type, Map<String, Object> options) {
        return transport.post(transport.url("api/data_sources"), new DataSourceRequest(name, type, options))
                .path("id").asLong();
    }

    public void updateDataSource(long id, String name, String type, Map<String, Object> options) {
        transport.post(transport.url("api/data_sources/" + id), new DataSourceRequest(name, type, options));
    }

    /** @return null when the connection works, else the database's message */
    public String testDataSource(long id) {
        ConnectionTestResult result = SightlineClient.JSON.treeToValue(
                transport.post(transport.url("api/data_sources/" + id + "/test"), Map.of()),
                ConnectionTestResult.class);
        return result.ok() ? null : result.message() == null ? "the test failed" : result.message();
    }
}
