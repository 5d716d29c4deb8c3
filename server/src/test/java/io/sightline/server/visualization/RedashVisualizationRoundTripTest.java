package io.sightline.server.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.server.support.AccessFixtures;
import io.sightline.server.support.Api;
import io.sightline.server.support.EmbeddedServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Visualizations as Redash's client writes them (its option keys per type, legacy keys, keys this version does not
 * know) are accepted and come back unchanged: from the create answer, the query's JSON, and after an update that
 * sends them back as read.
 */
class RedashVisualizationRoundTripTest extends EmbeddedServerTest {

    private long queryId;

    @BeforeEach
    void query() {
        Api api = api();
        long dataSource = new AccessFixtures(api).privateDataSource();
        var created = api.post("/api/queries", "{\"data_source_id\":" + dataSource + ",\"name\":\""
                + AccessFixtures.unique("round trip") + "\",\"query\":\"SELECT 1 AS n\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        queryId = created.json().path("id").asLong();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "CHART | `{\"globalSeriesType\":\"column\",\"sortX\":true,\"legend\":{\"enabled\":true,\"placement\":\"auto\",\"traceorder\":\"normal\"},\"xAxis\":{\"type\":\"-\",\"labels\":{\"enabled\":true}},\"yAxis\":[{\"type\":\"linear\"},{\"type\":\"linear\",\"opposite\":true,\"rangeMin\":0,\"rangeMax\":250.5}],\"alignYAxesAtZero\":false,\"error_y\":{\"type\":\"data\",\"visible\":true},\"series\":{\"stacking\":\"normal\",\"error_y\":{\"type\":\"data\",\"visible\":true}},\"seriesOptions\":{\"revenue\":{\"zIndex\":0,\"index\":0,\"type\":\"column\",\"yAxis\":0,\"color\":\"#4572A7\"},\"cost\":{\"zIndex\":1,\"index\":0,\"type\":\"line\",\"yAxis\":1,\"name\":\"Cost\"}},\"valuesOptions\":{},\"columnMapping\":{\"region\":\"x\",\"revenue\":\"y\",\"cost\":\"y\"},\"direction\":{\"type\":\"counterclockwise\"},\"sizemode\":\"diameter\",\"coefficient\":1,\"numberFormat\":\"0,0[.]00000\",\"percentFormat\":\"0[.]00%\",\"textFormat\":\"\",\"missingValuesAsZero\":true,\"showDataLabels\":false,\"dateTimeFormat\":\"DD/MM/YY HH:mm\",\"customCode\":\"// x\",\"color_scheme\":\"Redash\",\"someFutureKey\":{\"deep\":[1,\"two\",null,true]}}`",
            "CHART | `{\"globalSeriesType\":\"box\",\"columnMapping\":{\"g\":\"x\",\"v\":\"y\"},\"showpoints\":true}`",
            "CHART | `{\"globalSeriesType\":\"custom\",\"customCode\":\"return x;\",\"enableConsoleLogs\":false}`",
            "COUNTER | `{\"counterLabel\":\"Revenue\",\"counterColName\":\"revenue\",\"rowNumber\":1,\"targetRowNumber\":1,\"stringDecimal\":0,\"stringDecChar\":\".\",\"stringThouSep\":\",\",\"tooltipFormat\":\"0,0.000\",\"targetColName\":\"target\",\"stringPrefix\":\"$\"}`",
            "PIVOT | `{\"data\":[],\"rows\":[\"region\"],\"cols\":[\"quarter\"],\"vals\":[\"revenue\"],\"aggregatorName\":\"Sum\",\"rendererName\":\"Table Heatmap\",\"valueFilter\":{\"region\":{\"LATAM\":true}},\"rowOrder\":\"key_a_to_z\",\"colOrder\":\"value_z_to_a\",\"hiddenAttributes\":[],\"controls\":{\"enabled\":true},\"rendererOptions\":{\"table\":{\"rowTotals\":false,\"colTotals\":true}}}`",
            "TABLE | `{\"itemsPerPage\":50,\"columns\":[{\"name\":\"url\",\"title\":\"Link\",\"visible\":true,\"order\":100000,\"alignContent\":\"left\",\"allowSearch\":false,\"displayAs\":\"link\",\"linkUrlTemplate\":\"https://example.com/{{ @ }}\",\"linkTextTemplate\":\"{{ @ }}\",\"linkOpenInNewTab\":true,\"highlightLinks\":false,\"allowHTML\":true,\"type\":\"string\"}]}`",
            "CHOROPLETH | `{\"mapType\":\"countries\",\"countryCodeColumn\":\"iso\",\"countryCodeType\":\"iso_a3\",\"valueColumn\":\"n\",\"clusteringMode\":\"k\",\"steps\":7,\"valueFormat\":\"0,0.00\",\"noValuePlaceholder\":\"N/A\",\"colors\":{\"min\":\"#799CFF\",\"max\":\"#002FB4\",\"background\":\"#FFFFFF\",\"borders\":\"#FFFFFF\",\"noValue\":\"#dadada\"},\"legend\":{\"visible\":true,\"position\":\"bottom-left\",\"alignText\":\"right\"},\"tooltip\":{\"enabled\":true,\"template\":\"<b>{{ @@name }}</b>: {{ @@value }}\"},\"popup\":{\"enabled\":true,\"template\":\"Country: <b>{{ @@name_long }} ({{ @@iso_a2 }})</b>\\n<br>\\nValue: <b>{{ @@value }}</b>\"},\"bounds\":[[-57.5,-180],[83.6,180]]}`",
            "MAP | `{\"latColName\":\"lat\",\"lonColName\":\"lng\",\"classify\":\"none\",\"groups\":{\"a\":{\"color\":\"#ff0000\"}},\"mapTileUrl\":\"//{s}.tile.openstreetmap.org/{z}/{x}/{y}.png\",\"clusterMarkers\":true,\"customizeMarkers\":false,\"iconShape\":\"marker\",\"iconFont\":\"circle\",\"foregroundColor\":\"#ffffff\",\"backgroundColor\":\"#356AFF\",\"borderColor\":\"#356AFF\",\"bounds\":{\"_southWest\":{\"lat\":1.5,\"lng\":-2},\"_northEast\":{\"lat\":3,\"lng\":4.25}},\"tooltip\":{\"enabled\":false,\"template\":\"\"},\"popup\":{\"enabled\":true,\"template\":\"\"}}`",
            "FUNNEL | `{\"stepCol\":{\"colName\":\"step\",\"displayAs\":\"Steps\"},\"valueCol\":{\"colName\":\"n\",\"displayAs\":\"Value\"},\"autoSort\":true,\"sortKeyCol\":{\"colName\":null,\"reverse\":false},\"itemsLimit\":100,\"percentValuesRange\":{\"min\":0.01,\"max\":1000.0},\"numberFormat\":\"0,0[.]00\",\"percentFormat\":\"0[.]00%\"}`",
            "COHORT | `{\"timeInterval\":\"weekly\",\"mode\":\"simple\",\"dateColumn\":\"date\",\"stageColumn\":\"day_number\",\"totalColumn\":\"total\",\"valueColumn\":\"value\",\"percentValues\":false,\"colors\":{\"min\":\"#ffffff\",\"max\":\"#002FB4\",\"steps\":7}}`",
            "DETAILS | `{\"columns\":[{\"name\":\"n\",\"visible\":false}]}`",
            "SANKEY | `{}`",
            "SUNBURST_SEQUENCE | `{\"anything\":[1,2,3]}`",
            "WORD_CLOUD | `{\"column\":\"word\",\"frequenciesColumn\":\"\",\"wordLengthLimit\":{\"min\":null,\"max\":null},\"wordCountLimit\":{\"min\":null,\"max\":null}}`",
            "BOXPLOT | `{\"xAxisLabel\":\"x\",\"yAxisLabel\":\"y\"}`",
    })
    void redashOptionsComeBackUnchanged(String type, String options) {
        Api api = api();
        JsonNode sent = Api.JSON.readTree(options);
        var created = api.post("/api/visualizations", "{\"query_id\":" + queryId + ",\"type\":\"" + type
                + "\",\"name\":\"Redash " + type + "\",\"description\":null,\"options\":" + options + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().path("options")).isEqualTo(sent);
        assertThat(created.json().path("type").asString()).isEqualTo(type);
        long id = created.json().path("id").asLong();

        JsonNode listed = api.get("/api/queries/" + queryId).json().path("visualizations").valueStream()
                .filter(v -> v.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(listed.path("options")).isEqualTo(sent);
        assertThat(listed.path("description").isNull()).isTrue();

        // Redash's editor sends the whole visualization back, with the fields of its answer
        var resent = api.post("/api/visualizations/" + id, listed.toString());
        assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
        assertThat(resent.json().path("options")).isEqualTo(sent);
        assertThat(resent.json().path("name").asString()).isEqualTo("Redash " + type);
    }
}
