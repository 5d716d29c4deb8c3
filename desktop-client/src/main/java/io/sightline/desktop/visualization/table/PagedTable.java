package io.sightline.desktop.visualization.table;

import io.sightline.common.visualization.TableCellColors;
import io.sightline.common.visualization.TableColumn;
import io.sightline.common.visualization.TableRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Pagination;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * One table over a whole result, a page at a time: the header's sort and the search apply to every row, then the
 * pager shows a page of what they keep. The table stays the same node as pages turn, so its sort arrows and
 * column widths stay too.
 */
final class PagedTable {

    private final List<TableColumn> columns;
    private final List<Map<String, Object>> rows;
    private final int perPage;
    private final TableCellColors colors;
    /** The rows of the page shown: one list whose content changes (a new items list set from inside the sort
     * policy leaves the header's next click unheard). */
    private final ObservableList<Map<String, Object>> page = FXCollections.observableArrayList();
    private final TableView<Map<String, Object>> table = new TableView<>(page);
    private final Pagination pages = new Pagination(1, 0);
    private final Label count = new Label();
    private final BorderPane root = new BorderPane();
    private List<TableRows.SortKey> sort = List.of();
    private String search = "";
    /**
     * Formats the searchable cells of a table off the FX thread: 200,000 rows × 7 columns take over a second
     * (docs/performance.md), which would freeze the window at the first key typed.
     */
    private static final Executor INDEXING = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "table-search-index");
        thread.setDaemon(true);
        return thread;
    });

    /** Built at the first key typed in the search: a table nobody searches formats nothing for it. */
    private TableRows.SearchIndex searchIndex;
    private boolean indexing;
    private List<Map<String, Object>> shown;

    PagedTable(List<TableColumn> columns, List<Map<String, Object>> rows, int perPage, TableCellColors colors) {
        this.columns = columns;
        this.colors = colors;
        this.rows = rows;
        this.perPage = perPage;
        this.shown = rows;
        table.setId("visualization-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (TableColumn column : columns) {
            table.getColumns().add(column(column));
        }
        table.setSortPolicy(t -> {
            sortBy(t.getSortOrder());
            return true;
        });
        pages.setId("table-pages");
        pages.setPageFactory(page -> new Region()); // the table is the page: only the pager is drawn here
        pages.setMaxHeight(Region.USE_PREF_SIZE);
        pages.currentPageIndexProperty().addListener((obs, old, page) -> showPage());
        count.setId("table-count");
        root.getStyleClass().add("table-visualization");
        root.setTop(searchBar());
        root.setCenter(table);
        root.setBottom(pages);
        refresh();
    }

    Node root() {
        return root;
    }

    private javafx.scene.control.TableColumn<Map<String, Object>, Map<String, Object>> column(TableColumn column) {
        var drawn = new javafx.scene.control.TableColumn<Map<String, Object>, Map<String, Object>>(column.title());
        drawn.setId("table-column-" + column.name());
        drawn.setUserData(column.name());
        drawn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        drawn.setCellFactory(c -> new TableRowCell(column, colors));
        return drawn;
    }

    /** A search field when a visible column allows search (Redash shows none otherwise). */
    private Node searchBar() {
        List<TableColumn> searchable = columns.stream().filter(TableColumn::allowSearch).toList();
        if (searchable.isEmpty()) {
            return null;
        }
        TextField field = new TextField();
        field.setId("table-search");
        field.setPromptText("Search " + searchable.stream().map(TableColumn::title)
                .collect(Collectors.joining(", ")));
        field.textProperty().addListener((obs, old, text) -> {
            search = text;
            refresh();
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox bar = new HBox(8, field, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        return bar;
    }

    private void sortBy(List<javafx.scene.control.TableColumn<Map<String, Object>, ?>> order) {
        List<TableRows.SortKey> keys = new ArrayList<>();
        for (var column : order) {
            keys.add(new TableRows.SortKey((String) column.getUserData(),
                    column.getSortType() == javafx.scene.control.TableColumn.SortType.DESCENDING));
        }
        if (!keys.equals(sort)) {
            sort = List.copyOf(keys);
            refresh();
        }
    }

    /** Starts building the search index once; the search typed meanwhile applies when it is built. */
    private void index() {
        if (searchIndex != null || indexing) {
            return;
        }
        indexing = true;
        CompletableFuture.supplyAsync(() -> TableRows.searchIndex(columns, rows), INDEXING)
                .whenComplete((built, failure) -> Platform.runLater(() -> {
                    indexing = false;
                    if (built == null) {
                        count.setText("The search failed: " + failure.getMessage());
                        return;
                    }
                    searchIndex = built;
                    refresh();
                }));
    }

    /** Searches and sorts the whole result again, and goes back to the first page. */
    private void refresh() {
        boolean searching = search != null && !search.isBlank();
        if (searching && searchIndex == null) {
            index();
        }
        boolean waiting = searching && searchIndex == null;
        shown = TableRows.sorted(searchIndex == null ? rows : searchIndex.matching(search), sort);
        pages.setPageCount(Math.max(1, (shown.size() + perPage - 1) / perPage));
        pages.setCurrentPageIndex(0);
        count.setText(waiting ? "Searching…" : shown.size() == rows.size() ? rows.size() + " rows"
                : shown.size() + " of " + rows.size() + " rows");
        showPage();
    }

    private void showPage() {
        int from = Math.min(shown.size(), pages.getCurrentPageIndex() * perPage);
        page.setAll(shown.subList(from, Math.min(shown.size(), from + perPage)));
    }
}
