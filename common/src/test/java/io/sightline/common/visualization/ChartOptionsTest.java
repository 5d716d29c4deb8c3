package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartOptionsTest {

    @Test
    void emptyOptionsReadAsRedashDefaults() {
        ChartOptions options = new ChartOptions(Map.of());
        assertThat(options.globalSeriesType()).isEqualTo(ChartOptions.SeriesType.COLUMN);
        assertThat(options.sortX()).isTrue();
        assertThat(options.legendEnabled()).isTrue();
        assertThat(options.missingValuesAsZero()).isTrue();
        assertThat(options.numberFormat()).isEqualTo("0,0[.]00000");
        assertThat(options.percentFormat()).isEqualTo("0[.]00%");
        assertThat(options.string("yAxis.1.opposite")).isEqualTo("true");
        assertThat(options.bool("showDataLabels")).isFalse();
        assertThat(new ChartOptions(Map.of("globalSeriesType", "pie")).bool("showDataLabels"))
                .as("pies show labels by default").isTrue();
        assertThat(options.saved()).isEmpty();
    }

    @Test
    void savedValuesWinAndArraysMergeByIndexAsLodashMerge() {
        ChartOptions options = new ChartOptions(Map.of("yAxis", List.of(Map.of("title", Map.of("text", "Revenue"))),
                "legend", Map.of("enabled", false)));
        assertThat(options.string("yAxis.0.title.text")).isEqualTo("Revenue");
        assertThat(options.string("yAxis.0.type")).as("default kept beside the saved title").isEqualTo("linear");
        assertThat(options.string("yAxis.1.type")).isEqualTo("linear");
        assertThat(options.legendEnabled()).isFalse();
        assertThat(options.string("legend.placement")).isEqualTo("auto");
    }

    @Test
    void legacyStackingReadsAsStackWithoutChangingWhatIsSaved() {
        Map<String, Object> saved = Map.of("series", Map.of("stacking", "percent"));
        ChartOptions options = new ChartOptions(saved);
        assertThat(options.stacked()).isTrue();
        assertThat(options.percentValues()).isTrue();
        assertThat(options.saved()).isEqualTo(Map.of("series", Map.of("stacking", "percent")));
        ChartOptions normal = new ChartOptions(Map.of("series", Map.of("stacking", "normal")));
        assertThat(normal.stacked()).isTrue();
        assertThat(normal.percentValues()).isFalse();
        assertThat(new ChartOptions(Map.of()).stacked()).isFalse();
    }

    @Test
    void unknownKeysSurviveAnEdit() {
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("globalSeriesType", "line");
        saved.put("someFutureKey", Map.of("nested", List.of(1, 2)));
        Map<String, Object> edited = new ChartOptions(saved).with("globalSeriesType", "area");
        assertThat(edited).containsEntry("globalSeriesType", "area")
                .containsEntry("someFutureKey", Map.of("nested", List.of(1, 2)));
        assertThat(edited).as("defaults are not written back").hasSize(2);
    }

    @Test
    void secondAxisAppliesWhenNotStackedOrForLines() {
        Map<String, Object> seriesOptions = Map.of("cost", Map.of("yAxis", 1, "type", "line"),
                "units", Map.of("yAxis", 1));
        ChartOptions plain = new ChartOptions(Map.of("seriesOptions", seriesOptions));
        assertThat(plain.yAxisOf("units")).isEqualTo(1);
        assertThat(plain.seriesType("cost")).isEqualTo(ChartOptions.SeriesType.LINE);
        assertThat(plain.seriesType("units")).isEqualTo(ChartOptions.SeriesType.COLUMN);
        ChartOptions stacked = new ChartOptions(Map.of("seriesOptions", seriesOptions,
                "series", Map.of("stacking", "stack")));
        assertThat(stacked.yAxisOf("units")).as("stacked bars stay on the first axis").isZero();
        assertThat(stacked.yAxisOf("cost")).isEqualTo(1);
    }

    @Test
    void otherTypesHaveRedashDefaults() {
        assertThat(new TableOptions(Map.of()).itemsPerPage()).isEqualTo(25);
        assertThat(new CounterOptions(Map.of()).counterColName()).isEqualTo("counter");
        MapOptions map = new MapOptions(Map.of("classify", "none"));
        assertThat(map.latColName()).isEqualTo("lat");
        assertThat(map.lonColName()).isEqualTo("lon");
        assertThat(map.classify()).as("legacy none = no grouping").isNull();
        assertThat(map.clusterMarkers()).isTrue();
        ChoroplethOptions choropleth = new ChoroplethOptions(Map.of("mapType", "mars", "countryCodeColumn", "iso",
                "countryCodeType", "iso_a3"));
        assertThat(choropleth.mapType()).isEqualTo("countries");
        assertThat(choropleth.keyColumn()).isEqualTo("iso");
        assertThat(choropleth.targetField()).isEqualTo("iso_a3");
        assertThat(choropleth.steps()).isEqualTo(5);
        assertThat(choropleth.string("colors.noValue")).isEqualTo("#DDDDDD");
        PivotOptions pivot = new PivotOptions(Map.of());
        assertThat(pivot.aggregatorName()).isEqualTo("Count");
        assertThat(pivot.controlsHidden()).as("controls.enabled=false shows them").isFalse();
        assertThat(new FunnelOptions(Map.of("itemsLimit", 1)).itemsLimit()).isEqualTo(2);
        assertThat(new CohortOptions(Map.of()).string("stageColumn")).isEqualTo("day_number");
    }

    @Test
    void tableColumnsFollowTheSavedOrderOnlyWhenItDiffers() {
        List<ResultColumn> result = List.of(new ResultColumn("a", "string"), new ResultColumn("b", "integer"),
                new ResultColumn("c", "datetime"));
        TableOptions reordered = new TableOptions(Map.of("columns", List.of(Map.of("name", "b"),
                Map.of("name", "a", "title", "Alpha"))));
        List<TableColumn> columns = reordered.columns(result);
        assertThat(columns).extracting(TableColumn::name).containsExactly("b", "a", "c");
        assertThat(columns.get(1).title()).isEqualTo("Alpha");
        assertThat(columns.get(0).displayAs()).isEqualTo("number");
        assertThat(columns.get(0).alignContent()).isEqualTo("right");
        assertThat(columns.get(2).displayAs()).isEqualTo("datetime");
        TableOptions same = new TableOptions(Map.of("columns", List.of(Map.of("name", "a"), Map.of("name", "c"))));
        assertThat(same.columns(result)).extracting(TableColumn::name).containsExactly("a", "b", "c");
    }
}
