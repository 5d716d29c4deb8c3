package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.datasource.DataSourceSummary;
import io.sightline.common.api.execution.Job;
import io.sightline.common.api.execution.JobStatus;
import io.sightline.desktop.LaunchOptions;
import io.sightline.desktop.api.DataSourcesClient;
import io.sightline.desktop.api.RunStart;
import io.sightline.desktop.api.RunsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.support.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browsing a schema in the navigator: choose the data source, search, expand a table, refresh, insert names. */
class SchemaUiTest extends UiSupport {

    @TempDir
    Path home;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);
    private final String sourceName = "Schema UI " + marker;
    private final SightlineClient server = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final DataSourcesClient serverDataSources = new DataSourcesClient(server);
    private final RunsClient serverRuns = new RunsClient(server);
    private long source;

    @BeforeEach
    void start() throws Exception {
        // a DuckDB file of the test's own, writable: the test makes its tables through the API, and in-JVM sources
        // are read-only by default (a writable H2 source still may not run DDL: its sandbox user owns no schema)
        source = serverDataSources.createDataSource(sourceName, "duckdb",
                Map.of("dbpath", home.resolve("schemaui-" + marker + ".duckdb").toString(), "allow_writes", true));
        execute("CREATE TABLE orders (order_id INTEGER, customer_name VARCHAR(40), placed_at TIMESTAMP)");
        execute("CREATE TABLE customers (customer_id INTEGER, name VARCHAR(40), country VARCHAR(2))");
        launch(new LaunchOptions(TestServer.get().url(), TestServer.ADMIN_KEY), home);
        waitUntil(20, "the workbench", () -> lookup("#sql-area").tryQuery().isPresent()
                && !app.workbench().schema().dataSources().isEmpty());
    }

    @AfterEach
    void stop() throws Exception {
        close();
    }

    /**
     * Runs DDL on the test's own database, as another user would while the window is open. A run must return
     * rows, so a SELECT goes last: DuckDB answers with the last statement's rows.
     */
    private void execute(String ddl) {
        RunStart start = serverRuns.run(source, ddl + "; SELECT 1 AS done", Map.of(), null);
        if (start instanceof RunStart.Queued queued) {
            Job ended = Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> serverRuns.job(queued.job().id()), job -> job.status().ended());
            assertThat(ended.status()).as(ended.error()).isEqualTo(JobStatus.FINISHED);
        }
    }

    @SuppressWarnings("unchecked")
    private TreeView<Object> tree() {
        return lookup("#schema-tree").queryAs(TreeView.class);
    }

    /** The text of the tree's shown rows, top to bottom: tables, and the columns of expanded tables. */
    private List<String> shownRows() {
        return fx(() -> {
            TreeView<Object> tree = tree();
            return java.util.stream.IntStream.range(0, tree.getExpandedItemCount())
                    .mapToObj(tree::getTreeItem).map(item -> rowText(tree, item)).toList();
        });
    }

    /** What the user reads in the row of {@code item}: the name, and a column's type after it. */
    private String rowText(TreeView<Object> tree, TreeItem<Object> item) {
        TreeCell<?> cell = cellOf(tree, item);
        String type = cell.getGraphic() instanceof Label label ? " : " + label.getText() : "";
        return cell.getText() + type;
    }

    private static TreeCell<?> cellOf(TreeView<Object> tree, TreeItem<Object> item) {
        return tree.lookupAll(".tree-cell").stream().map(node -> (TreeCell<?>) node)
                .filter(cell -> !cell.isEmpty() && cell.getTreeItem() == item).findFirst()
                .orElseThrow(() -> new AssertionError("no shown cell for " + item.getValue()));
    }

    private TreeCell<?> shownCell(String text) {
        return fx(() -> {
            TreeView<Object> tree = tree();
            return tree.lookupAll(".tree-cell").stream().map(node -> (TreeCell<?>) node)
                    .filter(cell -> !cell.isEmpty() && text.equals(cell.getText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no shown row " + text));
        });
    }

    private void chooseTheTestDataSource() {
        clickOn("Schema");
        clickOn("#data-source-chooser");
        clickOn(sourceName);
        waitUntil(20, "the tables of the test database", () -> shownRows().size() == 2);
    }

    @Test
    void showsTheTablesOfTheChosenDataSourceAndTheColumnsWithTheirTypes() {
        assertThat(fx(() -> ((DataSourceSummary) lookup("#data-source-chooser").queryAs(ComboBox.class).getValue())
                .name())).isEqualTo("Demo sales");

        chooseTheTestDataSource();
        assertThat(shownRows()).containsExactly("main.customers", "main.orders");

        doubleClickOn(shownCell("main.orders"));

        waitUntil(5, "the columns of orders", () -> shownRows().size() == 5);
        assertThat(shownRows()).containsExactly("main.customers", "main.orders",
                "order_id : INTEGER", "customer_name : VARCHAR", "placed_at : TIMESTAMP");
    }

    @Test
    void findsTablesByTheirNameAndByTheirColumns() {
        chooseTheTestDataSource();

        clickOn("#schema-search").write("country");
        waitUntil(5, "the table with that column", () -> shownRows().size() == 1);
        assertThat(shownRows()).containsExactly("main.customers");

        clickOn("#schema-search").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("ORD");
        waitUntil(5, "the table of that name", () -> shownRows().equals(List.of("main.orders")));

        clickOn("#schema-search").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("customer");
        waitUntil(5, "both tables: one by name, one by its customer_name", () -> shownRows().size() == 2);

        clickOn("#schema-search").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("no such thing");
        waitUntil(5, "nothing", () -> shownRows().isEmpty());
    }

    @Test
    void showsATableCreatedSinceWhenRefreshed() {
        chooseTheTestDataSource();
        execute("CREATE TABLE refunds (refund_id INTEGER)");

        clickOn("#schema-refresh");

        waitUntil(20, "the new table", () -> shownRows().size() == 3);
        assertThat(shownRows()).containsExactly("main.customers", "main.orders", "main.refunds");
    }

    @Test
    void insertsAColumnNameOnDoubleClickAndATableNameOnEnter() {
        chooseTheTestDataSource();
        clickOn(editor());
        write("SELECT ");
        focusMainWindow();
        type(KeyCode.ESCAPE);

        clickOn(shownCell("main.orders"));
        type(KeyCode.RIGHT); // expands it
        waitUntil(5, "the columns of orders", () -> shownRows().size() == 5);
        doubleClickOn(shownCell("order_id"));
        waitUntil(5, "the column in the editor", () -> editor().getText().equals("SELECT order_id"));

        clickOn(shownCell("main.orders"));
        interact(() -> editor().appendText(" FROM "));
        interact(() -> editor().moveTo(editor().getLength()));
        type(KeyCode.ENTER);
        waitUntil(5, "the table in the editor", () -> editor().getText().equals("SELECT order_id FROM main.orders"));
    }
}
