package io.sightline.server.demo;

import io.sightline.server.dashboard.Dashboards;
import io.sightline.server.visualization.Visualizations;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The demo dashboards, one per seed pattern, on the demo queries' visualizations: an executive scorecard (counters
 * against targets, refreshed every 5 minutes), revenue by region drilling through to region detail (a {@code region}
 * dashboard parameter), the revenue trend against the previous year, and a sales map.
 */
final class DemoDashboards {

    static final String SCORECARD = "Executive scorecard";
    static final String BY_REGION = "Revenue by region";
    static final String REGION_DETAIL = "Region detail";
    static final String TREND = "Revenue trend";
    static final String MAP = "Sales map";
    static final List<String> TAGS = List.of("demo");

    private DemoDashboards() {
    }

    /**
     * @param viz the id of a demo visualization by query name and visualization name
     * @return the dashboards' ids by name
     */
    static Map<String, Long> create(long owner, Dashboards dashboards, Visualizations visualizations,
                                    BiFunction<String, String, Long> viz) {
        long scorecard = dashboards.create(owner, SCORECARD, TAGS, "{\"refresh\": 300}");
        String kpis = "sales__kpis_last_30_days__v1";
        int col = 0;
        for (String counter : List.of("Revenue, last 30 days", "Transactions, last 30 days", "Customers, last 30 days",
                "Average order, last 30 days")) {
            dashboards.addWidget(scorecard, viz.apply(kpis, counter), null, position(col, 0, 3, 5));
            col += 3;
        }
        dashboards.addWidget(scorecard, viz.apply("sales__revenue_latest_day_vs_target__v1",
                "Revenue of the latest day vs target"), null, position(0, 5, 4, 7));
        dashboards.addWidget(scorecard, viz.apply("sales__daily_revenue__v1", "Daily revenue by region"), null,
                withMappings(position(4, 5, 8, 7), """
                        {"days": {"name": "days", "type": "static-value", "mapTo": "days", "value": 30, "title": ""}}"""));

        long detail = dashboards.create(owner, REGION_DETAIL, TAGS,
                "{\"parameters\": [{\"name\": \"region\", \"value\": \"EMEA\"}], \"globalParamOrder\": [\"region\"]}");
        dashboards.addWidget(detail, null, "Top products of one region. Opened from **Revenue by region** with the "
                + "region of the bar clicked; change it in the `Region` parameter above.", position(0, 0, 12, 2));
        dashboards.addWidget(detail, viz.apply("sales__top_products__v1", "Top products"), null,
                withMappings(position(0, 2, 12, 9), """
                        {"region": {"name": "region", "type": "dashboard-level", "mapTo": "region", "value": null,
                                    "title": "Region"}}"""));

        long chart = viz.apply("sales__revenue_by_region__v1", "Revenue by region");
        visualizations.updateOptions(chart, """
                {"globalSeriesType": "column", "columnMapping": {"region": "x", "revenue": "y"},
                 "xAxis": {"type": "category", "labels": {"enabled": true}},
                 "yAxis": [{"type": "linear", "title": {"text": "Revenue"}}],
                 "legend": {"enabled": false}, "numberFormat": "$0,0", "showDataLabels": true,
                 "sightline": {"drillthrough": {"dashboard": %d, "parameters": {"region": "region"}}}}"""
                .formatted(detail));
        long byRegion = dashboards.create(owner, BY_REGION, TAGS, "{\"globalParamOrder\": [\"start_date\", \"end_date\"]}");
        dashboards.addWidget(byRegion, null, "Click a bar to open **Region detail** for that region.",
                position(0, 0, 12, 2));
        dashboards.addWidget(byRegion, chart, null, withMappings(position(0, 2, 12, 9), """
                {"start_date": {"name": "start_date", "type": "dashboard-level", "mapTo": "start_date", "value": null,
                                "title": ""},
                 "end_date": {"name": "end_date", "type": "dashboard-level", "mapTo": "end_date", "value": null,
                              "title": ""}}"""));
        dashboards.addWidget(byRegion, viz.apply("sales__revenue_by_region_and_quarter__v1",
                "Revenue by region and quarter"), null, position(0, 11, 12, 8));

        long trend = dashboards.create(owner, TREND, TAGS, "{}");
        dashboards.addWidget(trend, viz.apply("sales__monthly_revenue_trend__v1",
                "Monthly revenue vs the previous year"), null, position(0, 0, 12, 9));
        dashboards.addWidget(trend, viz.apply("sales__daily_revenue__v1", "Daily revenue by region"), null,
                withMappings(position(0, 9, 12, 8), """
                        {"days": {"name": "days", "type": "widget-level", "mapTo": "days", "value": null,
                                  "title": "Days"}}"""));

        long map = dashboards.create(owner, MAP, TAGS, "{}");
        dashboards.addWidget(map, viz.apply("sales__revenue_by_country__v1", "Revenue by country"), null,
                position(0, 0, 7, 10));
        dashboards.addWidget(map, viz.apply("sales__store_locations__v1", "Store locations"), null,
                position(7, 0, 5, 10));
        return Map.of(SCORECARD, scorecard, BY_REGION, byRegion, REGION_DETAIL, detail, TREND, trend, MAP, map);
    }

    private static String position(int col, int row, int sizeX, int sizeY) {
        return "{\"position\": {\"col\": %d, \"row\": %d, \"sizeX\": %d, \"sizeY\": %d}}"
                .formatted(col, row, sizeX, sizeY);
    }

    private static String withMappings(String options, String mappings) {
        return options.substring(0, options.length() - 1) + ", \"parameterMappings\": " + mappings + "}";
    }
}
