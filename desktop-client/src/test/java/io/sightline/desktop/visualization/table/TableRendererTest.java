package io.sightline.desktop.visualization.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.ResultData;
import io.sightline.desktop.visualization.RendererFx;
import io.sightline.desktop.visualization.render.LinkRequested;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Pagination;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import io.sightline.desktop.workbench.Theme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A table of 60 stores, 25 a page: what a viewer sees as they sort, search, turn pages and click links. */
class TableRendererTest {

    private static final List<ResultColumn> COLUMNS = List.of(new ResultColumn("store", "string"),
            new ResultColumn("revenue", "float"), new ResultColumn("code", "string"));
    private static final ResultData STORES = stores();

    private static final Map<String, Object> OPTIONS = Map.of("itemsPerPage", 25, "columns", List.of(
            Map.of("name", "store", "title", "Store", "allowSearch", true),
            Map.of("name", "revenue", "title", "Revenue", "numberFormat", "0,0.00"),
            Map.of("name", "code", "title", "Page", "displayAs", "link",
                    "linkUrlTemplate", "https://stores.example.com/{{ @ }}", "linkTextTemplate", "{{ store }}",
                    "linkTitleTemplate", "Open {{ store }}")));

    /** Store 0 to 59; revenue goes up and down so that neither the first nor the last store is the top one. */
    private static ResultData stores() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(new Object[] {"Store " + i, (double) ((i * 37) % 60) * 1000 + 0.5, "S" + i});
        }
        rows.set(59, new Object[] {"Store 59", null, "S59"});
        return RendererFx.result(COLUMNS, rows.toArray(new Object[0][]));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aClickOnAHeaderSortsTheWholeResultNotJustThePageAndPagesFollowTheSort() throws Exception {
        Parent root = RendererFx.show(new TableRenderer(), OPTIONS, STORES);
        assertThat(cells(root, "revenue")).as("first page, result order").startsWith("0.50", "37,000.50");

        new FxRobot().clickOn(header(root, "revenue"));
        List<String> ascending = cells(root, "revenue");
        assertThat(ascending).as("the smallest of all 60, from page 3 of the result").startsWith("0.50", "1,000.50",
                "2,000.50");
        assertThat(RendererFx.fx(() -> ((TableView<?>) root.lookup("#visualization-table")).getItems().size()))
                .as("a page of 25").isEqualTo(25);
        new FxRobot().sleep(800).clickOn(header(root, "revenue")); // a second click, not a double click
        assertThat(cells(root, "revenue")).as("descending").startsWith("59,000.50", "58,000.50");
        assertThat(cells(root, "store").get(0)).isEqualTo("Store " + storeWithRevenue(59_000.5));

        Pagination pages = (Pagination) root.lookup("#table-pages");
        assertThat(pages.getPageCount()).isEqualTo(3);
        RendererFx.fx(() -> {
            pages.setCurrentPageIndex(2);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> last = cells(root, "revenue");
        assertThat(last).as("page 3 of the sorted rows: 10 rows, the store without revenue last").hasSize(10);
        assertThat(last.get(0)).as("23 is Store 59's, which has none").isEqualTo("8,000.50");
        assertThat(last.get(9)).isEmpty();
    }

    @Test
    void aSearchKeepsTheRowsWhoseSearchableColumnsMatchAndSaysHowMany() throws Exception {
        Parent root = RendererFx.show(new TableRenderer(), OPTIONS, STORES);
        assertThat(((Label) root.lookup("#table-count")).getText()).isEqualTo("60 rows");

        FxRobot robot = new FxRobot();
        robot.clickOn("#table-search").write("store 5");
        countShows(root, "11 of 60 rows");
        assertThat(cells(root, "store")).containsExactly("Store 5", "Store 50", "Store 51", "Store 52", "Store 53",
                "Store 54", "Store 55", "Store 56", "Store 57", "Store 58", "Store 59");
        assertThat(((Label) root.lookup("#table-count")).getText()).isEqualTo("11 of 60 rows");
        assertThat(((Pagination) root.lookup("#table-pages")).getPageCount()).isEqualTo(1);

        robot.write("9");
        countShows(root, "1 of 60 rows");
        assertThat(cells(root, "store")).containsExactly("Store 59");
        robot.push(KeyCode.BACK_SPACE).push(KeyCode.BACK_SPACE).push(KeyCode.BACK_SPACE).push(KeyCode.BACK_SPACE)
                .push(KeyCode.BACK_SPACE).push(KeyCode.BACK_SPACE).push(KeyCode.BACK_SPACE).push(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Label) root.lookup("#table-count")).getText()).isEqualTo("60 rows");
        assertThat(((Pagination) root.lookup("#table-pages")).getPageCount()).isEqualTo(3);
    }

    /**
     * 20,000 rows: the first search formats every searchable cell off the FX thread, saying "Searching…" meanwhile,
     * then shows what matches (200,000 rows take over a second: docs/performance.md).
     */
    @Test
    void theFirstSearchOfALargeTableIsBuiltOffTheWindowsThreadAndSaysSoMeanwhile() throws Exception {
        List<Object[]> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            many.add(new Object[] {"Store " + i, i * 1.5, "S" + i});
        }
        Parent root = RendererFx.show(new TableRenderer(), OPTIONS, RendererFx.result(COLUMNS,
                many.toArray(new Object[0][])));
        Label count = (Label) root.lookup("#table-count");
        List<String> said = new CopyOnWriteArrayList<>();
        RendererFx.fx(() -> {
            count.textProperty().addListener((obs, old, text) -> said.add(text));
            ((javafx.scene.control.TextField) root.lookup("#table-search")).setText("store 1999");
            return null;
        });
        countShows(root, "11 of 20000 rows");
        assertThat(said).containsExactly("Searching…", "11 of 20000 rows");
        assertThat(cells(root, "store")).startsWith("Store 1999", "Store 19990");
    }

    private static void countShows(Parent root, String text) throws Exception {
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> RendererFx.fx(() -> ((Label) root.lookup("#table-count")).getText()).equals(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aTableWithoutSearchableColumnsHasNoSearchField() throws Exception {
        Parent root = RendererFx.show(new TableRenderer(), Map.of(), STORES);
        assertThat(root.lookup("#table-search")).isNull();
        assertThat(cells(root, "revenue").get(1)).as("the column type's default format").isEqualTo("37,000.50");
    }

    @Test
    void aLinkCellShowsItsTextAndAClickAsksTheWindowToOpenItsUrl() throws Exception {
        Parent root = RendererFx.show(new TableRenderer(), OPTIONS, STORES);
        List<String> opened = new CopyOnWriteArrayList<>();
        RendererFx.fx(() -> {
            LinkRequested.openIn(root.getScene(), opened::add);
            return null;
        });
        List<Hyperlink> links = RendererFx.fx(() -> root.lookupAll(".table-link").stream()
                .map(Hyperlink.class::cast).sorted(Comparator.comparingDouble(h -> h.localToScene(0, 0).getY()))
                .toList());
        assertThat(links).isNotEmpty();
        assertThat(links.get(0).getText()).isEqualTo("Store 0");
        assertThat(links.get(0).getTooltip().getText()).contains("Open Store 0")
                .contains("https://stores.example.com/S0");

        new FxRobot().clickOn(links.get(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly("https://stores.example.com/S1");
    }

    @Test
    void aLinkThatIsNotAWebAddressIsShownAsTextAndNeverOpened() throws Exception {
        Map<String, Object> local = Map.of("columns", List.of(Map.of("name", "code", "displayAs", "link",
                "linkUrlTemplate", "file:///srv/{{ @ }}")));
        Parent root = RendererFx.show(new TableRenderer(), local, STORES);
        assertThat(root.lookupAll(".table-link")).isEmpty();
        assertThat(cells(root, "code").get(0)).isEqualTo("S0");
    }

    /**
     * Revenue over 50,000 in dark red (white text), and Store 1's whole row in pale yellow: a rule's colour is what
     * the screen shows, in either theme, and a cell no rule matches keeps the theme's background.
     */
    @ParameterizedTest
    @ValueSource(strings = {"light", "dark"})
    void aCellARuleMatchesIsPaintedInItsColourWithReadableTextAndTheOthersAreNot(String theme) throws Exception {
        Map<String, Object> coloured = Map.of("columns", OPTIONS.get("columns"), "sightline", Map.of("cellColors",
                List.of(Map.of("column", "revenue", "op", ">", "value", 50000, "color", "#c0392b"),
                        Map.of("column", "store", "op", "=", "value", "store 1", "color", "#fff3cd",
                                "highlightRow", true))));
        Parent root = RendererFx.show(new TableRenderer(), coloured, STORES);
        RendererFx.fx(() -> {
            Theme.apply(root.getScene(), theme);
            root.applyCss();
            root.layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        // the first page: Store 0 earns 500, Store 1 37,000, Store 3 51,000 (37 × 3 % 60 = 51)
        assertThat(cells(root, "revenue").subList(0, 4)).containsExactly("0.50", "37,000.50", "14,000.50",
                "51,000.50");
        WritableImage shot = RendererFx.fx(() -> root.getScene().snapshot(null));
        String big = pixel(shot, cell(root, "revenue", 3));
        String plain = pixel(shot, cell(root, "revenue", 2));
        assertThat(big).as("51,000.50 is over 50,000").isEqualTo("#c0392b");
        assertThat(plain).as("14,000.50 keeps the theme's background").isNotEqualTo("#c0392b")
                .isNotEqualTo("#fff3cd");
        assertThat(pixel(shot, cell(root, "store", 1))).as("Store 1's row").isEqualTo("#fff3cd");
        assertThat(pixel(shot, cell(root, "revenue", 1))).as("every cell of Store 1's row").isEqualTo("#fff3cd");
        assertThat(RendererFx.fx(() -> ((Hyperlink) cell(root, "code", 1).getGraphic()).getTextFill()))
                .as("a link on pale yellow written in black, even in the dark theme").isEqualTo(Color.BLACK);
        assertThat(RendererFx.fx(() -> cell(root, "revenue", 3).getTextFill())).isEqualTo(Color.WHITE);
        assertThat(colours(shot, cell(root, "revenue", 3))).as("its white text is drawn").contains("#ffffff");

        RendererFx.fx(() -> {
            ((TableView<?>) root.lookup("#visualization-table")).getSelectionModel().select(3);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage selected = RendererFx.fx(() -> root.getScene().snapshot(null));
        TableCell<?, ?> chosen = cell(root, "revenue", 3);
        assertThat(pixel(selected, chosen)).as("selected, it keeps its colour").isEqualTo("#c0392b");
        Bounds at = RendererFx.fx(() -> chosen.localToScene(chosen.getBoundsInLocal()));
        assertThat(hex(selected.getPixelReader().getColor((int) at.getCenterX(), (int) at.getMinY())))
                .as("and shows the selection as an edge in the theme's accent")
                .isEqualTo(theme.equals("dark") ? "#4f8cff" : "#2563eb"); // -sl-accent of dark.css, light.css
    }

    private static TableCell<?, ?> cell(Parent root, String column, int index) {
        return RendererFx.fx(() -> root.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && ("table-column-" + column).equals(c.getTableColumn().getId()))
                .filter(c -> !c.isEmpty() && c.getIndex() == index).findFirst().orElseThrow());
    }

    /** The colour drawn at a cell's left edge, inside its border. */
    private static String pixel(WritableImage shot, TableCell<?, ?> cell) {
        Bounds at = RendererFx.fx(() -> cell.localToScene(cell.getBoundsInLocal()));
        return hex(shot.getPixelReader().getColor((int) at.getMinX() + 2, (int) at.getMinY() + 3));
    }

    private static java.util.Set<String> colours(WritableImage shot, TableCell<?, ?> cell) {
        Bounds at = RendererFx.fx(() -> cell.localToScene(cell.getBoundsInLocal()));
        java.util.Set<String> found = new java.util.HashSet<>();
        for (int x = (int) at.getMinX() + 1; x < at.getMaxX() - 1; x++) {
            for (int y = (int) at.getMinY() + 1; y < at.getMaxY() - 1; y++) {
                found.add(hex(shot.getPixelReader().getColor(x, y)));
            }
        }
        return found;
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static String storeWithRevenue(double revenue) {
        return STORES.rows().stream().filter(r -> Double.valueOf(revenue).equals(r.get("revenue"))).findFirst()
                .map(r -> ((String) r.get("store")).substring("Store ".length())).orElseThrow();
    }

    private static javafx.scene.Node header(Parent root, String column) {
        return RendererFx.fx(() -> root.lookupAll(".column-header").stream()
                .filter(h -> ("table-column-" + column).equals(h.getId())).findFirst().orElseThrow());
    }

    /** The texts of a column's cells that show a row, top to bottom (a link cell: its link's text). */
    private static List<String> cells(Parent root, String column) {
        return RendererFx.fx(() -> {
            TableView<?> table = (TableView<?>) root.lookup("#visualization-table");
            table.layout();
            return root.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                    .filter(c -> c.getTableColumn() != null && ("table-column-" + column)
                            .equals(c.getTableColumn().getId()))
                    .filter(c -> !c.isEmpty() && c.getIndex() < table.getItems().size())
                    .sorted(Comparator.comparingInt(TableCell::getIndex))
                    .map(c -> c.getGraphic() instanceof Hyperlink h ? h.getText()
                            : c.getText() == null ? "" : c.getText())
                    .toList();
        });
    }
}
