package io.sightline.desktop.screenshots;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.render.VisualizationRenderer;
import io.sightline.desktop.visualization.VisualizationRenderers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the README's screenshots of the details, funnel, cohort, box plot, heatmap, second-axis, combo and large-line
 * visualizations, light and dark, each drawn by
 * the workbench's renderer for a known result in a themed window. Run under Xvfb (as MapScreenshots, see
 * docs/performance.md): {@code xvfb-run -a java -cp ... io.sightline.desktop.screenshots.RendererScreenshots docs/images}
 */
public final class RendererScreenshots {

    private RendererScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = ThemedRenderingShot.start(args);
        VisualizationRenderers renderers = VisualizationRenderers.standard();
        for (String theme : List.of("light", "dark")) {
            shoot(out.resolve("viz-details-" + theme + ".png"), theme, 720, 250,
                    (o, r) -> renderers.render("DETAILS", o, r), Map.of("columns", List.of(
                            Map.of("name", "revenue", "numberFormat", "$0,0.00"))), stores());
            shoot(out.resolve("viz-funnel-" + theme + ".png"), theme, 900, 230,
                    (o, r) -> renderers.render("FUNNEL", o, r), Map.of(
                            "stepCol", Map.of("colName", "step", "displayAs", "Step"),
                            "valueCol", Map.of("colName", "sessions", "displayAs", "Sessions")), checkout());
            shoot(out.resolve("viz-cohort-" + theme + ".png"), theme, 760, 235,
                    (o, r) -> renderers.render("COHORT", o, r), Map.of("timeInterval", "monthly",
                            "dateColumn", "signup_month", "stageColumn", "month_number", "totalColumn", "customers",
                            "valueColumn", "active", "peopleColumnTitle", "Customers",
                            "stageColumnTitle", "Month {{ @ }}"), retention());
            shoot(out.resolve("viz-box-" + theme + ".png"), theme, 800, 420,
                    (o, r) -> renderers.render("CHART", o, r), Map.of("globalSeriesType", "box",
                            "columnMapping", Map.of("region", "x", "basket", "y")), baskets());
            shoot(out.resolve("viz-heatmap-" + theme + ".png"), theme, 900, 340,
                    (o, r) -> renderers.render("CHART", o, r), Map.of("globalSeriesType", "heatmap",
                            "showDataLabels", true, "numberFormat", "0,0",
                            "columnMapping", Map.of("hour", "x", "weekday", "y", "orders", "zVal")), ordersByHour());
            shoot(out.resolve("viz-second-axis-" + theme + ".png"), theme, 900, 420,
                    (o, r) -> renderers.render("CHART", o, r), Map.of("globalSeriesType", "column",
                            "numberFormat", "0,0[.]000",
                            "columnMapping", Map.of("region", "x", "revenue", "y", "margin", "y"),
                            "seriesOptions", Map.of("margin", Map.of("type", "line", "yAxis", 1)),
                            "yAxis", List.of(Map.of("type", "linear", "title", Map.of("text", "Revenue")),
                                    Map.of("type", "linear", "title", Map.of("text", "Margin")))), margins());
            shoot(out.resolve("viz-combo-" + theme + ".png"), theme, 900, 420,
                    (o, r) -> renderers.render("CHART", o, r), Map.of("globalSeriesType", "column",
                            "numberFormat", "0,0[.]000",
                            "columnMapping", Map.of("region", "x", "revenue", "y", "target", "y", "margin", "y"),
                            "seriesOptions", Map.of("target", Map.of("type", "line"),
                                    "margin", Map.of("type", "scatter", "yAxis", 1)),
                            "yAxis", List.of(Map.of("type", "linear", "title", Map.of("text", "Revenue and target")),
                                    Map.of("type", "linear", "title", Map.of("text", "Margin")))), targets());
            shoot(out.resolve("viz-large-lines-" + theme + ".png"), theme, 900, 400,
                    (o, r) -> renderers.render("CHART", o, r), Map.of("globalSeriesType", "line",
                            "columnMapping", Map.of("minute", "x", "sensor", "series", "reading", "y"),
                            "seriesOptions", Map.of("south", Map.of("color", "#2ca02c")),
                            "xAxis", Map.of("title", Map.of("text", "Minute")),
                            "yAxis", List.of(Map.of("title", Map.of("text", "Reading")))), readings());
        }
        ThemedRenderingShot.finish();
    }

    private static void shoot(Path file, String theme, int width, int height, VisualizationRenderer renderer,
                              Map<String, Object> options, ResultData result) throws Exception {
        ThemedRenderingShot.shoot(file, theme, width, height, () -> renderer.render(options, result));
    }

    private static ResultData table(List<ResultColumn> columns, Object[]... rows) {
        return io.sightline.desktop.visualization.RendererFx.result(columns, rows);
    }

    /** Three sensors' readings, a minute apart: 3 × 6,000 points, past the point budget (drawn by ChartFX). */
    private static ResultData readings() {
        List<Object[]> rows = new java.util.ArrayList<>();
        String[] sensors = {"north", "south", "east"};
        for (int i = 0; i < 6_000; i++) {
            for (int s = 0; s < sensors.length; s++) {
                rows.add(new Object[] {i, sensors[s], 40 + 12 * s + 8 * Math.sin(i / (300.0 + 90 * s))
                        + 3 * Math.sin(i / 17.0 + s)});
            }
        }
        return table(List.of(new ResultColumn("minute", "integer"), new ResultColumn("sensor", "string"),
                new ResultColumn("reading", "float")), rows.toArray(new Object[0][]));
    }

    private static ResultData stores() {
        return table(List.of(new ResultColumn("store", "string"), new ResultColumn("country", "string"),
                        new ResultColumn("opened", "date"), new ResultColumn("revenue", "float"),
                        new ResultColumn("orders", "integer"), new ResultColumn("flagship", "boolean")),
                new Object[] {"Berlin Mitte", "DEU", "2019-04-12", 1_284_530.4, 18_204, true},
                new Object[] {"Lisbon Baixa", "PRT", "2021-09-03", 642_118.9, 9_871, false},
                new Object[] {"Oslo Sentrum", "NOR", "2022-02-21", 455_902.0, 6_310, false});
    }

    private static ResultData checkout() {
        return table(List.of(new ResultColumn("step", "string"), new ResultColumn("sessions", "integer")),
                new Object[] {"Visited the store", 12_480}, new Object[] {"Viewed a product", 8_216},
                new Object[] {"Added to cart", 3_904}, new Object[] {"Started checkout", 2_310},
                new Object[] {"Paid", 1_742});
    }

    /** Order values per region: skewed to the right, with a few large orders beyond the whiskers. */
    private static ResultData baskets() {
        java.util.Random random = new java.util.Random(11);
        String[] regions = {"APAC", "EMEA", "LATAM", "North America"};
        double[] medians = {62, 85, 48, 97};
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < regions.length; r++) {
            for (int i = 0; i < 120; i++) {
                double value = medians[r] * Math.exp(0.35 * random.nextGaussian());
                rows.add(new Object[] {regions[r], Math.round(value * 100) / 100.0});
            }
        }
        return table(List.of(new ResultColumn("region", "string"), new ResultColumn("basket", "float")),
                rows.toArray(Object[][]::new));
    }

    /** Orders per weekday and opening hour: busier at lunch and in the evening, busiest at the weekend. */
    private static ResultData ordersByHour() {
        String[] days = {"1 Mon", "2 Tue", "3 Wed", "4 Thu", "5 Fri", "6 Sat", "7 Sun"};
        List<Object[]> rows = new ArrayList<>();
        for (int d = 0; d < days.length; d++) {
            for (int hour = 9; hour <= 20; hour++) {
                double busy = 1 + Math.exp(-Math.pow(hour - 12.5, 2) / 2) + 1.4 * Math.exp(-Math.pow(hour - 18, 2) / 3);
                double day = d >= 5 ? 1.6 : 1 + 0.05 * d;
                rows.add(new Object[] {hour, days[d], (int) Math.round(40 * busy * day)});
            }
        }
        return table(List.of(new ResultColumn("hour", "integer"), new ResultColumn("weekday", "string"),
                new ResultColumn("orders", "integer")), rows.toArray(Object[][]::new));
    }

    /** Revenue and margin per region: the bars on the left axis, the margin line on the right one. */
    private static ResultData margins() {
        return table(List.of(new ResultColumn("region", "string"), new ResultColumn("revenue", "float"),
                        new ResultColumn("margin", "float")),
                new Object[] {"APAC", 1_240_000.0, 0.24}, new Object[] {"EMEA", 2_310_000.0, 0.18},
                new Object[] {"LATAM", 610_000.0, 0.31}, new Object[] {"North America", 2_980_000.0, 0.21});
    }

    private static ResultData targets() {
        return table(List.of(new ResultColumn("region", "string"), new ResultColumn("revenue", "float"),
                        new ResultColumn("target", "float"), new ResultColumn("margin", "float")),
                new Object[] {"APAC", 1_240_000.0, 1_400_000.0, 0.24},
                new Object[] {"EMEA", 2_310_000.0, 2_100_000.0, 0.18},
                new Object[] {"LATAM", 610_000.0, 750_000.0, 0.31},
                new Object[] {"North America", 2_980_000.0, 2_800_000.0, 0.21});
    }

    /** Six monthly cohorts of customers, fewer of each still active month after month. */
    private static ResultData retention() {
        List<ResultColumn> columns = List.of(new ResultColumn("signup_month", "date"),
                new ResultColumn("month_number", "integer"), new ResultColumn("customers", "integer"),
                new ResultColumn("active", "integer"));
        int[] sizes = {1200, 1350, 980, 1510, 1420, 1605};
        double[] kept = {0.62, 0.48, 0.41, 0.37, 0.33, 0.31};
        List<Object[]> rows = new ArrayList<>();
        for (int cohort = 0; cohort < sizes.length; cohort++) {
            for (int month = 1; month <= sizes.length - cohort; month++) {
                double share = kept[month - 1] * (1 + 0.03 * cohort);
                rows.add(new Object[] {LocalDate.of(2024, 1, 1).plusMonths(cohort).toString(), month, sizes[cohort],
                    (int) Math.round(sizes[cohort] * share)});
            }
        }
        return table(columns, rows.toArray(Object[][]::new));
    }
}
