package io.sightline.desktop.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.chart.BoxOutliers;
import io.sightline.desktop.visualization.chart.ChartRenderer;
import io.sightline.desktop.visualization.chart.HeatmapCells;
import io.sightline.desktop.visualization.cohort.CohortCells;
import io.sightline.desktop.visualization.cohort.CohortRenderer;
import io.sightline.desktop.visualization.details.DetailsRenderer;
import io.sightline.desktop.visualization.funnel.FunnelRenderer;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Shape;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The workbench's "Save as PNG" and "Save as SVG" of each recently added drawing: a PNG of the drawing's size with
 * something drawn in it, and an SVG with the drawing's own texts and shapes (the funnel's step names, the box
 * plot's boxes, the heatmap's cells in their fills, ...).
 */
class RendererExportTest {

    /** The exported files stay for a look: {@code target/exports/}. */
    private final Path folder = Path.of("target", "exports");

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void detailsExportTheRecordsFieldsAndValues() throws Exception {
        ResultData stores = RendererFx.result(List.of(new ResultColumn("name", "string"),
                new ResultColumn("revenue", "float")), new Object[] {"Berlin Store", 1234567.5},
                new Object[] {"Oslo Store", 5000.0});
        Parent root = RendererFx.show(new DetailsRenderer(), Map.of("columns", List.of(Map.of("name", "revenue",
                "title", "Revenue", "numberFormat", "$0,0.00"))), stores);

        String svg = exported(root, "details");
        assertThat(svg).contains(">name<", ">Berlin Store<", ">Revenue<", ">$1,234,567.50<", ">Record 1 of 2<");
    }

    @Test
    void aFunnelExportsItsStepNamesPercentsAndBars() throws Exception {
        ResultData signups = RendererFx.result(List.of(new ResultColumn("step", "string"),
                        new ResultColumn("users", "integer")),
                new Object[] {"Visit", 1000}, new Object[] {"Sign up", 400}, new Object[] {"Paid", 200});
        Parent root = RendererFx.show(new FunnelRenderer(), Map.of("stepCol", Map.of("colName", "step",
                "displayAs", "Step"), "valueCol", Map.of("colName", "users", "displayAs", "Users")), signups);

        String svg = exported(root, "funnel");
        assertThat(svg).contains(">Visit<", ">Sign up<", ">Paid<", ">Step<", ">Users<");
        assertThat(svg).contains(texts(root, "funnel-percent-max").stream().map(t -> ">" + t + "<").toList());
        assertBackgroundsExported(root, "funnel-bar", svg);
    }

    @Test
    void aCohortExportsEveryCellInItsFill() throws Exception {
        ResultData retention = RendererFx.result(List.of(new ResultColumn("date", "date"),
                        new ResultColumn("day_number", "integer"), new ResultColumn("total", "integer"),
                        new ResultColumn("value", "integer")),
                new Object[] {"2024-01-01", 1, 100, 90}, new Object[] {"2024-01-01", 2, 100, 50},
                new Object[] {"2024-01-02", 1, 200, 100});
        Parent root = RendererFx.show(new CohortRenderer(), Map.of(), retention);

        String svg = exported(root, "cohort");
        List<CohortCells.Cell> cells = RendererFx.fx(() -> ((CohortCells) root.lookup("#cohort-grid")).cells());
        assertThat(cells.stream().filter(c -> c.fill() != null)).as("cells with percents").hasSize(3);
        for (CohortCells.Cell cell : cells) {
            assertThat(svg).as("stage " + cell.stage() + " of cohort " + cell.row()).contains(">" + cell.text() + "<");
            if (cell.fill() != null) {
                assertThat(svg).contains("fill=\"" + cell.fill() + "\"");
            }
        }
        assertThat(svg).contains(">Time<", ">Users<", ">January 1, 2024<", ">200<");
    }

    @Test
    void aBoxPlotExportsEachBoxAndMedian() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int v = 1; v <= 9; v++) {
            rows.add(new Object[] {"A", v});
        }
        rows.add(new Object[] {"A", 40});
        rows.add(new Object[] {"B", 10});
        rows.add(new Object[] {"B", 20});
        rows.add(new Object[] {"B", 30});
        ResultData baskets = RendererFx.result(List.of(new ResultColumn("store", "string"),
                new ResultColumn("basket", "integer")), rows.toArray(Object[][]::new));
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "box",
                "columnMapping", Map.of("store", "x", "basket", "y")), baskets);

        String svg = exported(root, "box");
        assertShapesExported(root, "box-quartiles", svg, 2);
        assertShapesExported(root, "box-median", svg, 2);
        BoxOutliers outliers = (BoxOutliers) RendererFx.all(root, "box-outliers").get(0);
        List<BoxOutliers.Dot> dots = RendererFx.fx(outliers::dots);
        assertThat(dots).as("40, A's outlier").hasSize(1);
        for (BoxOutliers.Dot dot : dots) {
            String ring = SvgExport.outline(new javafx.scene.shape.Circle(dot.x(), dot.y(), BoxOutliers.RADIUS));
            assertThat(svg).as("the outlier's ring " + ring + " exported").contains("d=\"" + ring + "\"");
        }
        assertThat(svg).as("the outliers as vectors, not a picture of the canvas").doesNotContain("<image");
        assertThat(svg).contains(">A<", ">B<");
    }

    @Test
    void theDeprecatedBoxPlotExportsItsBoxesAndAxisTitles() throws Exception {
        ResultData shifts = RendererFx.result(List.of(new ResultColumn("morning", "float"),
                new ResultColumn("evening", "float")), new Object[] {10.0, 1.0}, new Object[] {20.0, 2.0},
                new Object[] {30.0, 3.0});
        Parent root = RendererFx.show((o, r) -> VisualizationRenderers.standard().render("BOXPLOT", o, r),
                Map.of("xAxisLabel", "Shift", "yAxisLabel", "Minutes"), shifts);

        String svg = exported(root, "boxplot");
        assertShapesExported(root, "box-quartiles", svg, 2);
        assertThat(svg).contains(">Shift<", ">Minutes<", ">morning<", ">evening<");
    }

    @Test
    void aHeatmapExportsItsCellsInTheirFillsWithTheirValues() throws Exception {
        ResultData orders = RendererFx.result(List.of(new ResultColumn("hour", "integer"),
                        new ResultColumn("weekday", "string"), new ResultColumn("orders", "integer")),
                new Object[] {9, "Mon", 20}, new Object[] {10, "Mon", 40}, new Object[] {9, "Tue", 100},
                new Object[] {10, "Tue", 60});
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "heatmap",
                "showDataLabels", true, "columnMapping", Map.of("hour", "x", "weekday", "y", "orders", "zVal")),
                orders);

        String svg = exported(root, "heatmap");
        assertThat(svg).contains(">Mon<", ">Tue<", ">20<", ">40<", ">100<", ">60<");
        HeatmapCells heatmap = (HeatmapCells) RendererFx.fx(() -> root.lookup("#chart-heatmap"));
        assertThat(heatmap.cells()).hasSize(4);
        for (HeatmapCells.Cell cell : heatmap.cells()) {
            assertThat(svg).as(cell.x() + " " + cell.y() + " as a rect in its fill")
                    .containsPattern("<rect x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"[0-9.]+\" height=\"[0-9.]+\" fill=\""
                            + cell.fill() + "\"/>");
        }
        assertThat(svg).as("the cells as vectors, not a picture of the canvas").doesNotContain("<image");
    }

    @Test
    void aChartWithASecondAxisExportsBothAxesTicksAndItsLegend() throws Exception {
        ResultData regions = RendererFx.result(List.of(new ResultColumn("region", "string"),
                        new ResultColumn("revenue", "float"), new ResultColumn("margin", "float")),
                new Object[] {"APAC", 12000.0, 0.25}, new Object[] {"EMEA", 30000.0, 0.10});
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "column",
                "numberFormat", "0.00", "columnMapping", Map.of("region", "x", "revenue", "y", "margin", "y"),
                "seriesOptions", Map.of("margin", Map.of("type", "line", "yAxis", 1))), regions);

        String svg = exported(root, "two-axes");
        assertThat(svg).contains(">revenue<", ">margin (right axis)<", ">APAC<", ">EMEA<", ">0.00<", ">30000.00<");
        assertShapesExported(root, "chart-series-line", svg, 1);
    }

    @Test
    void aSwappedAreaExportsItsSidewaysFill() throws Exception {
        ResultData regions = RendererFx.result(List.of(new ResultColumn("region", "string"),
                new ResultColumn("revenue", "float")), new Object[] {"APAC", 1000.0}, new Object[] {"EMEA", 3000.0});
        Parent root = RendererFx.show(new ChartRenderer(), Map.of("globalSeriesType", "area", "swappedAxes", true,
                "columnMapping", Map.of("region", "x", "revenue", "y")), regions);

        String svg = exported(root, "swapped-area");
        assertShapesExported(root, "chart-series-area-fill", svg, 1);
    }

    /** Saves the drawing as PNG and SVG as the workbench does; checks the PNG; returns the SVG's text. */
    private String exported(Parent root, String name) throws Exception {
        java.nio.file.Files.createDirectories(folder);
        Path png = folder.resolve(name + ".png");
        Path svgFile = folder.resolve(name + ".svg");
        RendererFx.fx(() -> {
            ImageExport.writePng(root, png);
            SvgExport.write(root, svgFile);
            return null;
        });
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).as(name + ".png's width").isEqualTo(RendererFx.WIDTH);
        assertThat(image.getHeight()).as(name + ".png's height").isEqualTo(RendererFx.HEIGHT);
        Set<Integer> colours = new HashSet<>();
        int background = image.getRGB(0, 0);
        int drawn = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                drawn += rgb != background ? 1 : 0;
            }
        }
        assertThat(colours.size()).as(name + ".png has a drawing, not one flat colour").isGreaterThan(8);
        assertThat(drawn).as(name + ".png: pixels off the background").isGreaterThan(200);
        String svg = java.nio.file.Files.readString(svgFile);
        assertThat(svg).startsWith("<svg").contains("width=\"" + RendererFx.WIDTH + "\"",
                "height=\"" + RendererFx.HEIGHT + "\"").endsWith("</svg>\n");
        return svg;
    }

    private static List<String> texts(Parent root, String styleClass) {
        return RendererFx.fx(() -> root.lookupAll("." + styleClass).stream().filter(Label.class::isInstance)
                .map(n -> ((Label) n).getText()).toList());
    }

    /** Each shape of a style class is in the SVG as its outline. */
    private static void assertShapesExported(Parent root, String styleClass, String svg, int atLeast) {
        List<String> outlines = RendererFx.fx(() -> root.lookupAll("." + styleClass).stream()
                .filter(Shape.class::isInstance).map(n -> SvgExport.outline((Shape) n)).toList());
        assertThat(outlines).as(styleClass + " shapes drawn").hasSizeGreaterThanOrEqualTo(atLeast)
                .doesNotContainNull();
        for (String outline : outlines) {
            assertThat(svg).as("the " + styleClass + " " + outline + " exported").contains("d=\"" + outline + "\"");
        }
    }

    /** Each region of a style class has its background colour in the SVG. */
    private static void assertBackgroundsExported(Parent root, String styleClass, String svg) {
        List<String> fills = RendererFx.fx(() -> {
            List<String> found = new ArrayList<>();
            for (Node node : root.lookupAll("." + styleClass)) {
                if (node instanceof Region region && region.getBackground() != null) {
                    region.getBackground().getFills().forEach(f -> {
                        if (f.getFill() instanceof Color c && c.getOpacity() > 0) {
                            found.add(String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                                    Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255)));
                        }
                    });
                }
            }
            return found;
        });
        assertThat(fills).as(styleClass + " fills").isNotEmpty();
        for (String fill : fills) {
            assertThat(svg.toLowerCase(Locale.ROOT)).as("the " + styleClass + " fill " + fill).contains(fill);
        }
    }
}
