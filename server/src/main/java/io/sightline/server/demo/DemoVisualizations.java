package io.sightline.server.demo;

import java.util.List;
import java.util.Map;

/**
 * The visualizations the demo queries get besides their TABLE one: one per seed pattern (a bar chart, a trend with
 * the previous year overlaid, a choropleth, a marker map and a bubble map, a counter against a target, a formatted
 * table, a pivot), in Redash's option keys so that they read as Redash's would (Sightline's own under
 * {@code sightline}).
 */
final class DemoVisualizations {

    record DemoVisualization(String type, String name, String optionsJson) {}

    private DemoVisualizations() {}

    static final Map<String, List<DemoVisualization>> BY_QUERY = Map.of(
            "sales__revenue_by_region__v1", List.of(new DemoVisualization("CHART", "Revenue by region", """
                    {"globalSeriesType": "column", "columnMapping": {"region": "x", "revenue": "y"},
                     "xAxis": {"type": "category", "labels": {"enabled": true}},
                     "yAxis": [{"type": "linear", "title": {"text": "Revenue"}}],
                     "legend": {"enabled": false}, "numberFormat": "$0,0", "showDataLabels": true}""")),
            "sales__monthly_revenue_trend__v1", List.of(new DemoVisualization("CHART",
                    "Monthly revenue vs the previous year", """
                    {"globalSeriesType": "line", "columnMapping": {"month": "x", "revenue": "y", "region": "series"},
                     "xAxis": {"type": "datetime", "labels": {"enabled": true}},
                     "yAxis": [{"type": "linear", "title": {"text": "Revenue"}}],
                     "numberFormat": "$0,0", "dateTimeFormat": "MMM YYYY",
                     "sightline": {"comparison": {"period": "previous_year", "column": "month"}}}""")),
            "sales__revenue_by_country__v1", List.of(new DemoVisualization("CHOROPLETH", "Revenue by country", """
                    {"mapType": "countries", "keyColumn": "country", "targetField": "iso_a3",
                     "valueColumn": "revenue", "clusteringMode": "q", "steps": 5, "valueFormat": "$0,0",
                     "tooltip": {"enabled": true, "template": "<b>{{ @@name }}</b>: {{ @@value }}"}}""")),
            "sales__store_locations__v1", List.of(new DemoVisualization("MAP", "Store locations", """
                    {"latColName": "latitude", "lonColName": "longitude", "classify": null,
                     "clusterMarkers": true, "tooltip": {"enabled": true, "template": "<b>{{ name }}</b>, {{ country }}"},
                     "popup": {"enabled": true, "template": "Store {{ store_id }}: {{ name }}"}}"""),
                    // the demo data has no revenue per store: a store's bubble is its country's revenue
                    new DemoVisualization("MAP", "Stores by their country's revenue (bubbles)", """
                    {"latColName": "latitude", "lonColName": "longitude", "classify": null,
                     "clusterMarkers": false, "tooltip": {"enabled": true, "template": "<b>{{ name }}</b>, {{ country }}"},
                     "popup": {"enabled": true, "template": "Store {{ store_id }}: {{ name }}"},
                     "sightline": {"bubble": {"sizeColumn": "country_revenue", "maxRadius": 12}}}""")),
            "sales__revenue_latest_day_vs_target__v1", List.of(new DemoVisualization("COUNTER",
                    "Revenue of the latest day vs target", """
                    {"counterColName": "revenue", "rowNumber": 1, "targetColName": "target", "targetRowNumber": 1,
                     "stringPrefix": "$", "stringDecimal": 0, "formatTargetValue": true,
                     "counterLabel": "Revenue, latest day"}""")),
            "sales__top_products__v1", List.of(new DemoVisualization("TABLE", "Top products", """
                    {"itemsPerPage": 10, "columns": [
                      {"name": "product", "title": "Product", "displayAs": "string", "visible": true, "order": 0},
                      {"name": "category", "title": "Category", "displayAs": "string", "visible": true, "order": 1},
                      {"name": "revenue", "title": "Revenue", "displayAs": "number", "numberFormat": "$0,0.00",
                       "alignContent": "right", "visible": true, "order": 2},
                      {"name": "transactions", "title": "Sales", "displayAs": "number", "numberFormat": "0,0",
                       "alignContent": "right", "visible": true, "order": 3}],
                     "sightline": {"cellColors": [{"column": "revenue", "op": "range", "minColor": "#ffffff",
                                                   "color": "#5c9ee0"}]}}""")),
            "sales__revenue_by_region_and_quarter__v1", List.of(new DemoVisualization("PIVOT",
                    "Revenue by region and quarter", """
                    {"rows": ["region"], "cols": ["quarter"], "vals": ["revenue"], "aggregatorName": "Sum",
                     "rendererName": "Table Heatmap", "controls": {"enabled": false},
                     "rendererOptions": {"table": {"rowTotals": true, "colTotals": true}}}""")),
            "sales__daily_revenue__v1", List.of(new DemoVisualization("CHART", "Daily revenue by region", """
                    {"globalSeriesType": "area", "columnMapping": {"day": "x", "revenue": "y", "region": "series"},
                     "series": {"stacking": "stack"}, "numberFormat": "$0,0", "dateTimeFormat": "DD MMM"}""")),
            "sales__customers_by_segment__v1", List.of(new DemoVisualization("CHART", "Revenue by segment", """
                    {"globalSeriesType": "pie", "columnMapping": {"segment": "x", "revenue": "y"},
                     "showDataLabels": true, "percentFormat": "0[.]0%"}""")),
            "sales__kpis_last_30_days__v1", List.of(
                    counter("Revenue, last 30 days", "revenue", "$", 0),
                    counter("Transactions, last 30 days", "transactions", "", 0),
                    counter("Customers, last 30 days", "customers", "", 0),
                    counter("Average order, last 30 days", "average_order", "$", 2)));

    /** A counter of the first row's {@code column} against {@code column_target}. */
    private static DemoVisualization counter(String label, String column, String prefix, int decimals) {
        return new DemoVisualization("COUNTER", label, """
                {"counterColName": "%s", "rowNumber": 1, "targetColName": "%s_target", "targetRowNumber": 1,
                 "stringPrefix": "%s", "stringDecimal": %d, "formatTargetValue": true, "counterLabel": "%s"}"""
                .formatted(column, column, prefix, decimals, label));
    }
}
