package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eu.hansolo.tilesfx.Tile;
import io.sightline.common.api.dashboard.Dashboard;
import io.sightline.common.api.execution.Job;
import io.sightline.common.api.query.Query;
import io.sightline.common.visualization.CounterOptions;
import io.sightline.common.visualization.CounterValue;
import io.sightline.desktop.api.DashboardsClient;
import io.sightline.desktop.api.QueriesClient;
import io.sightline.desktop.api.QueryDraft;
import io.sightline.desktop.api.ResultPage;
import io.sightline.desktop.api.RunStart;
import io.sightline.desktop.api.RunsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.dashboard.DashboardView;
import io.sightline.desktop.dashboard.DashboardViewModel;
import io.sightline.desktop.dashboard.WidgetViewModel;
import io.sightline.desktop.support.TestServer;
import io.sightline.desktop.visualization.render.ClickedRow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.geometry.Bounds;
import javafx.scene.input.MouseButton;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/**
 * Dashboards opened from the Dashboards tab, against the real server: the widgets on the 12-column grid, each
 * drawn from its query's result (the counters' values checked against the same queries run through the API), and
 * a widget whose query fails showing its error while the others draw.
 */
class DashboardUiTest extends WorkbenchWindowTest {

    private SightlineClient client() {
        return app.workbench().client();
    }

    /** Opens the dashboard as a user does (the list's open) and waits until every widget has drawn or failed. */
    private DashboardView open(Dashboard dashboard) {
        interact(() -> app.workbench().dashboards().open(dashboard));
        waitUntil(20, "the dashboard's tab", () -> selectedDashboard() != null
                && selectedDashboard().model().id() == dashboard.id());
        DashboardView view = selectedDashboard();
        waitUntil(90, "every widget loaded", () -> fx(() -> view.model().widgets().stream()
                .filter(w -> w.kind() == WidgetViewModel.Kind.VISUALIZATION)
                .allMatch(w -> !w.loadingProperty().get()
                        && (w.resultProperty().get() != null || !w.errorProperty().get().isEmpty()))));
        waitForLayout(view);
        return view;
    }

    private DashboardView selectedDashboard() {
        return fx(() -> {
            Tab tab = lookup("#editor-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
            return tab != null && tab.getContent() instanceof DashboardView view ? view : null;
        });
    }

    private void waitForLayout(Node node) {
        interact(() -> {
            node.applyCss();
            if (node instanceof javafx.scene.Parent parent) {
                parent.layout();
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    private Dashboard demo(String name) {
        return new DashboardsClient(client()).dashboards(name, false, 1, 20).results().stream().filter(d -> d.name().equals(name))
                .findFirst().orElseThrow();
    }

    /** Runs the query afresh through the API and reads its rows, as a column-name map per row. */
    private List<Map<String, Object>> rowsOf(long queryId, Map<String, Object> parameters) throws Exception {
        RunStart start = new RunsClient(client()).runSaved(queryId, parameters);
        long resultId;
        if (start instanceof RunStart.Ready ready) {
            resultId = ready.resultId();
        } else {
            Job job = ((RunStart.Queued) start).job();
            while (!job.status().ended()) {
                Thread.sleep(100);
                job = new RunsClient(client()).job(job.id());
            }
            resultId = job.queryResultId() != null ? job.queryResultId() : job.result();
        }
        ResultPage page = new RunsClient(client()).resultPage(resultId, 0, 1000);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] values : page.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(page.columns().get(i).name(), values[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static Node widget(DashboardView view, WidgetViewModel widget) {
        return fx(() -> view.lookup("#widget-" + widget.id()));
    }

    @Test
    void theExecutiveScorecardShowsEachCounterWithTheValueItsQueryReturns() throws Exception {
        DashboardView view = open(demo("Executive scorecard"));
        DashboardViewModel model = view.model();
        List<WidgetViewModel> counters = fx(() -> model.widgets().stream()
                .filter(w -> "COUNTER".equals(w.type())).toList());
        assertThat(counters).as("the scorecard's counters").hasSizeGreaterThanOrEqualTo(4);
        for (WidgetViewModel counter : counters) {
            Node card = widget(view, counter);
            Tile tile = fx(() -> (Tile) card.lookup("#counter-tile"));
            assertThat(tile).as("the counter of " + counter.title()).isNotNull();
            String expected = CounterValue.of(rowsOf(counter.queryId(), counter.parameters()),
                    new CounterOptions(counter.visualizationOptions())).text();
            assertThat(fx(tile::getDescription)).as(counter.title()).isEqualTo(expected);
            assertThat(fx(() -> ((Label) card.lookup("#counter-value")).getText())).isEqualTo(expected);
            assertThat(fx(() -> card.lookupAll(".widget-updated").stream().map(n -> ((Label) n).getText())
                    .toList())).as("its updated time").allMatch(t -> t.startsWith("Updated "));
        }
        // the first row of counters: side by side, each a quarter of the width (3 of 12 columns), 5 rows high
        List<WidgetViewModel> firstRow = counters.stream().filter(c -> c.position().row() == 0).toList();
        assertThat(firstRow).hasSize(4);
        double gridWidth = fx(() -> widget(view, firstRow.get(0)).getParent().getLayoutBounds().getWidth());
        double top = -1;
        double left = -1;
        for (WidgetViewModel counter : firstRow) {
            Bounds bounds = fx(() -> widget(view, counter).getBoundsInParent());
            assertThat(bounds.getWidth()).isCloseTo((gridWidth - 20) * 3 / 12 - 10, within(2.0));
            assertThat(bounds.getHeight()).isCloseTo(5 * 50 - 10, within(1.0));
            if (top >= 0) {
                assertThat(bounds.getMinY()).isEqualTo(top);
                assertThat(bounds.getMinX()).isGreaterThan(left);
            }
            top = bounds.getMinY();
            left = bounds.getMinX();
        }
    }

    @Test
    void aWidgetWhoseQueryFailsShowsItsErrorWhileTheOthersDraw() throws Exception {
        String marker = "dash-desk " + UUID.randomUUID().toString().substring(0, 8);
        Query kpis = new QueriesClient(client()).queries("sales__kpis_last_30_days__v1", false, 1, 20).results().stream()
                .filter(q -> q.name().equals("sales__kpis_last_30_days__v1")).findFirst().orElseThrow();
        long counterViz = new QueriesClient(client()).query(kpis.id()).visualizations().stream()
                .filter(v -> "COUNTER".equals(v.type())).findFirst().orElseThrow().id();
        Query broken = new QueriesClient(client()).createQuery(new QueryDraft(kpis.dataSourceId(), marker + " broken", "",
                "SELECT missing_column FROM no_such_table_dash_desk", List.of(), List.of(), null));
        long brokenViz = new QueriesClient(client()).query(broken.id()).visualizations().get(0).id();
        Dashboard dashboard = new DashboardsClient(client()).createDashboard(marker + " board", List.of());
        addWidget(dashboard.id(), counterViz, null, 0, 0, 4, 5);
        addWidget(dashboard.id(), brokenViz, null, 4, 0, 8, 5);
        addWidget(dashboard.id(), null, "## Numbers\nOf the **last 30 days**, <b>not bold</b>.", 0, 5, 12, 2);

        DashboardView view = open(new DashboardsClient(client()).dashboard(dashboard.id()));
        List<WidgetViewModel> widgets = fx(() -> List.copyOf(view.model().widgets()));
        WidgetViewModel failing = widgets.stream().filter(w -> broken.id() == (w.queryId() == null ? -1
                : w.queryId())).findFirst().orElseThrow();
        WidgetViewModel counter = widgets.stream().filter(w -> "COUNTER".equals(w.type())).findFirst().orElseThrow();
        WidgetViewModel text = widgets.stream().filter(w -> w.kind() == WidgetViewModel.Kind.TEXT).findFirst()
                .orElseThrow();

        Label error = fx(() -> (Label) widget(view, failing).lookup("#widget-error"));
        assertThat(error).as("the failing widget's error").isNotNull();
        assertThat(fx(error::getText)).containsIgnoringCase("no_such_table_dash_desk");
        assertThat(fx(error::isVisible)).isTrue();
        assertThat(fx(() -> widget(view, counter).lookup("#widget-error"))).as("no error in the other").isNull();
        assertThat(fx(() -> widget(view, counter).lookup("#counter-tile"))).as("the counter drawn").isNotNull();
        List<javafx.scene.text.Text> markdown = fx(() -> widget(view, text).lookupAll(".markdown-text").stream()
                .map(n -> (javafx.scene.text.Text) n).toList());
        assertThat(markdown.stream().map(javafx.scene.text.Text::getText).toList()).as("the Markdown's text, raw HTML as text")
                .containsExactly("Numbers", "Of the ", "last 30 days", ", ", "<b>", "not bold", "</b>", ".");
        assertThat(fx(() -> markdown.get(0).getParent().getStyleClass())).as("the heading").contains("markdown-h2");
        assertThat(fx(() -> markdown.get(2).getFont().getStyle())).as("the strong words").containsIgnoringCase("bold");
        assertThat(fx(() -> markdown.get(5).getFont().getStyle())).as("HTML's <b> not applied")
                .doesNotContainIgnoringCase("bold");

        // Refresh runs every widget again: the counter still draws, the broken one still says why
        clickOn(fx(() -> view.lookup("#dashboard-refresh")));
        waitUntil(60, "the refresh", () -> fx(() -> !counter.loadingProperty().get()
                && !failing.loadingProperty().get()));
        waitUntil(60, "the widgets back", () -> fx(() -> widget(view, counter) != null
                && widget(view, counter).lookup("#counter-tile") != null));
        waitUntil(60, "the error back", () -> fx(() -> widget(view, failing) != null
                && widget(view, failing).lookup("#widget-error") != null));
    }

    @Test
    void autoRefreshRunsTheWidgetsAgainAtTheChosenInterval() {
        DashboardView view = open(demo("Sales map"));
        DashboardViewModel model = view.model();
        assertThat(fx(() -> ((javafx.scene.control.ComboBox<?>) view.lookup("#dashboard-auto-refresh")).getItems()
                .size())).as("never and Redash's seven intervals").isEqualTo(8);
        List<Object> before = fx(() -> model.widgets().stream().map(w -> (Object) w.resultProperty().get())
                .toList());

        interact(() -> model.refreshIntervalProperty().set(2)); // shorter than any offered, to see it fire
        waitUntil(30, "an automatic refresh: every widget with a new result", () -> fx(() -> {
            for (int i = 0; i < before.size(); i++) {
                if (model.widgets().get(i).resultProperty().get() == before.get(i)
                        || model.widgets().get(i).loadingProperty().get()) {
                    return false;
                }
            }
            return true;
        }));
        interact(() -> model.refreshIntervalProperty().set(0));
        waitUntil(60, "the refreshed widgets drawn", () -> fx(() -> model.widgets().stream()
                .allMatch(w -> !w.loadingProperty().get() && w.resultProperty().get() != null)));
        assertThat(fx(() -> model.widgets().stream().map(w -> view.lookup("#widget-" + w.id())
                .lookup("#widget-drawing")).toList())).as("each drawn again").doesNotContainNull();
        List<Object> after = fx(() -> model.widgets().stream().map(w -> (Object) w.resultProperty().get())
                .toList());
        sleep(3000);
        assertThat(fx(() -> model.widgets().stream().map(w -> (Object) w.resultProperty().get()).toList()))
                .as("no refresh once set to never").isEqualTo(after);
    }

    @Test
    void cancelStopsAWidgetStillLoadingAndKeepsTheOthers() throws Exception {
        String marker = "dash-desk " + UUID.randomUUID().toString().substring(0, 8);
        Query kpis = new QueriesClient(client()).queries("sales__kpis_last_30_days__v1", false, 1, 20).results().stream()
                .filter(q -> q.name().equals("sales__kpis_last_30_days__v1")).findFirst().orElseThrow();
        long counterViz = new QueriesClient(client()).query(kpis.id()).visualizations().stream()
                .filter(v -> "COUNTER".equals(v.type())).findFirst().orElseThrow().id();
        Query slow = new QueriesClient(client()).createQuery(new QueryDraft(kpis.dataSourceId(), marker + " slow", "",
                "SELECT COUNT(*) FROM range(100000000000) a WHERE a.range % 7 = 3", List.of(), List.of(), null));
        long slowViz = new QueriesClient(client()).query(slow.id()).visualizations().get(0).id();
        Dashboard dashboard = new DashboardsClient(client()).createDashboard(marker + " board", List.of());
        addWidget(dashboard.id(), counterViz, null, 0, 0, 4, 5);
        addWidget(dashboard.id(), slowViz, null, 4, 0, 8, 5);

        interact(() -> app.workbench().dashboards().open(new DashboardsClient(client()).dashboard(dashboard.id())));
        waitUntil(20, "the dashboard's tab", () -> selectedDashboard() != null
                && selectedDashboard().model().id() == dashboard.id());
        DashboardView view = selectedDashboard();
        List<WidgetViewModel> widgets = fx(() -> List.copyOf(view.model().widgets()));
        WidgetViewModel counter = widgets.stream().filter(w -> "COUNTER".equals(w.type())).findFirst().orElseThrow();
        WidgetViewModel running = widgets.stream().filter(w -> !"COUNTER".equals(w.type())).findFirst()
                .orElseThrow();
        waitUntil(60, "the counter drawn", () -> fx(() -> counter.resultProperty().get() != null));
        assertThat(fx(() -> running.loadingProperty().get())).as("the slow one still loading").isTrue();
        assertThat(fx(() -> widget(view, running).lookup("#widget-progress"))).as("its progress").isNotNull();

        clickOn(fx(() -> view.lookup("#dashboard-cancel")));

        waitUntil(10, "the cancel", () -> fx(() -> !running.loadingProperty().get()));
        assertThat(fx(() -> ((Label) widget(view, running).lookup("#widget-error")).getText()))
                .isEqualTo("Loading cancelled.");
        assertThat(fx(() -> widget(view, counter).lookup("#counter-tile"))).as("the counter kept").isNotNull();
        assertThat(fx(() -> view.lookup("#dashboard-cancel").isDisabled())).isTrue();
    }

    @Test
    void clickingABarOpensRegionDetailForThatRegionWithABreadcrumbBack() throws Exception {
        DashboardView view = open(demo("Revenue by region"));
        DashboardViewModel model = view.model();
        Node apacBar = fx(() -> view.lookup("#chart-bars").lookupAll(".chart-bar").stream()
                .filter(bar -> ClickedRow.of(bar).map(row -> "APAC".equals(row.get("region"))).orElse(false))
                .findFirst().orElseThrow());

        // a press and release on the bar with the pointer moved between them (the end of a pan) is no click on it
        javafx.geometry.Bounds bar = fx(() -> apacBar.localToScreen(apacBar.getLayoutBounds()));
        drag(new javafx.geometry.Point2D(bar.getCenterX(), bar.getCenterY() - bar.getHeight() / 4))
                .moveBy(0, bar.getHeight() / 4).moveBy(0, bar.getHeight() / 4).drop();
        Thread.sleep(1_500);
        assertThat(fx(() -> model.nameProperty().get())).as("no drill-through after a drag")
                .isEqualTo("Revenue by region");

        clickOn(apacBar);

        waitUntil(30, "Region detail opened in the same tab", () -> fx(() -> model.nameProperty().get())
                .equals("Region detail") && selectedDashboard() == view);
        waitUntil(60, "its widgets loaded", () -> fx(() -> model.widgets().stream()
                .filter(w -> w.kind() == WidgetViewModel.Kind.VISUALIZATION)
                .allMatch(w -> w.resultProperty().get() != null && !w.loadingProperty().get())));
        assertThat(fx(() -> ((javafx.scene.control.ComboBox<?>) view.lookup("#dashboard-parameter-region"))
                .getValue())).as("the region parameter").isEqualTo("APAC");
        WidgetViewModel products = fx(() -> model.widgets().stream()
                .filter(w -> w.kind() == WidgetViewModel.Kind.VISUALIZATION).findFirst().orElseThrow());
        assertThat(products.parameters()).containsEntry("region", "APAC");
        assertThat(fx(() -> products.resultProperty().get().rows())).as("APAC's top products, as the API answers")
                .isEqualTo(rowsOf(products.queryId(), Map.of("region", "APAC")));
        assertThat(fx(() -> model.trail().stream().map(DashboardViewModel.Crumb::name).toList()))
                .containsExactly("Revenue by region");

        clickOn(fx(() -> view.lookup(".dashboard-crumb")));

        waitUntil(30, "back on Revenue by region", () -> fx(() -> model.nameProperty().get())
                .equals("Revenue by region"));
        assertThat(fx(() -> model.trail().isEmpty())).isTrue();
        assertThat(fx(() -> view.lookup("#dashboard-breadcrumbs").isVisible())).isFalse();
    }

    @Test
    void changingADashboardParameterRerunsOnlyTheWidgetsMappedToIt() throws Exception {
        DashboardView view = open(demo("Revenue by region"));
        DashboardViewModel model = view.model();
        List<WidgetViewModel> widgets = fx(() -> model.widgets().stream()
                .filter(w -> w.kind() == WidgetViewModel.Kind.VISUALIZATION).toList());
        WidgetViewModel byRegion = widgets.stream().filter(w -> w.parameters().containsKey("start_date"))
                .findFirst().orElseThrow();
        WidgetViewModel byQuarter = widgets.stream().filter(w -> w != byRegion).findFirst().orElseThrow();
        var quarterResult = fx(() -> byQuarter.resultProperty().get());
        List<Boolean> quarterLoads = new ArrayList<>();
        interact(() -> byQuarter.loadingProperty().addListener((obs, was, now) -> quarterLoads.add(now)));
        assertThat(fx(() -> model.parameters().stream().map(p -> p.title()).toList()))
                .containsExactly("Start date", "End date");

        TextField start = fx(() -> (TextField) view.lookup("#dashboard-parameter-start_date"));
        interact(() -> start.setText("2024-07-01"));
        clickOn(fx(() -> view.lookup("#dashboard-apply")));

        waitUntil(60, "the chart run with the new start", () -> fx(() -> "2024-07-01".equals(
                byRegion.parameters().get("start_date")) && !byRegion.loadingProperty().get()
                && byRegion.resultProperty().get() != null));
        assertThat(fx(() -> byRegion.resultProperty().get().rows())).as("the chart's rows, as the API answers")
                .isEqualTo(rowsOf(byRegion.queryId(), byRegion.parameters()));
        assertThat(quarterLoads).as("the widget not mapped to the parameter did not run").isEmpty();
        assertThat(fx(() -> byQuarter.resultProperty().get())).isSameAs(quarterResult);
        assertThat(fx(() -> model.urlValues())).containsEntry("p_start_date", "2024-07-01");
    }

    @Test
    void aWidgetResizedAndMovedWithTheMouseIsWhereItWasLeftWhenTheDashboardIsReopened() throws Exception {
        String marker = "dash-edit " + UUID.randomUUID().toString().substring(0, 8);
        Query kpis = new QueriesClient(client()).queries("sales__kpis_last_30_days__v1", false, 1, 20).results().stream()
                .filter(q -> q.name().equals("sales__kpis_last_30_days__v1")).findFirst().orElseThrow();
        long counterViz = new QueriesClient(client()).query(kpis.id()).visualizations().stream()
                .filter(v -> "COUNTER".equals(v.type())).findFirst().orElseThrow().id();
        Dashboard dashboard = new DashboardsClient(client()).createDashboard(marker, List.of());
        addWidget(dashboard.id(), counterViz, null, 0, 0, 4, 5);
        addWidget(dashboard.id(), null, "## Notes", 4, 0, 8, 2);
        DashboardView view = open(new DashboardsClient(client()).dashboard(dashboard.id()));
        WidgetViewModel counter = fx(() -> view.model().widgets().stream()
                .filter(w -> w.kind() == WidgetViewModel.Kind.VISUALIZATION).findFirst().orElseThrow());
        WidgetViewModel text = fx(() -> view.model().widgets().stream()
                .filter(w -> w.kind() == WidgetViewModel.Kind.TEXT).findFirst().orElseThrow());
        assertThat(fx(() -> view.lookup("#widget-resize-" + counter.id()).getParent().isVisible())).as("no handles yet")
                .isFalse();

        clickOn(fx(() -> view.lookup("#dashboard-edit")));
        waitForLayout(view);
        double column = fx(() -> (widget(view, counter).getParent().getLayoutBounds().getWidth() - 20) / 12);
        // the counter's corner two columns right and a row down: it now overlaps the notes, which go below it
        drag(fx(() -> view.lookup("#widget-resize-" + counter.id())), MouseButton.PRIMARY)
                .moveBy(2 * column, 52).drop();
        waitForLayout(view);
        assertThat(fx(counter::position)).isEqualTo(new WidgetViewModel.Position(0, 0, 6, 6));
        assertThat(fx(text::position)).isEqualTo(new WidgetViewModel.Position(4, 6, 8, 2));
        // the notes dragged by their bar two columns left and a row down
        drag(fx(() -> view.lookup("#widget-move-" + text.id())), MouseButton.PRIMARY)
                .moveBy(-2 * column, 52).drop();
        waitForLayout(view);
        assertThat(fx(text::position)).isEqualTo(new WidgetViewModel.Position(2, 7, 8, 2));

        clickOn(fx(() -> view.lookup("#dashboard-save")));
        waitUntil(20, "the save", () -> fx(() -> !view.model().edit().editingProperty().get()));
        assertThat(fx(() -> view.model().messageProperty().get())).isEmpty();
        interact(() -> app.workbench().dashboards().close(view.model()));
        DashboardView reopened = open(new DashboardsClient(client()).dashboard(dashboard.id()));
        assertThat(reopened).isNotSameAs(view);
        Map<Long, WidgetViewModel.Position> layout = fx(() -> reopened.model().edit().layout());
        assertThat(layout).isEqualTo(Map.of(counter.id(), new WidgetViewModel.Position(0, 0, 6, 6),
                text.id(), new WidgetViewModel.Position(2, 7, 8, 2)));
        double gridWidth = fx(() -> widget(reopened, counter).getParent().getLayoutBounds().getWidth());
        Bounds counterBounds = fx(() -> widget(reopened, counter).getBoundsInParent());
        Bounds textBounds = fx(() -> widget(reopened, text).getBoundsInParent());
        assertThat(counterBounds.getWidth()).as("six columns wide").isCloseTo((gridWidth - 20) * 6 / 12 - 10,
                within(2.0));
        assertThat(counterBounds.getHeight()).as("six rows high").isCloseTo(6 * 50 - 10, within(1.0));
        assertThat(textBounds.getMinY()).as("the notes below the counter").isGreaterThan(counterBounds.getMaxY());
        assertThat(textBounds.getMinX()).as("two columns in").isCloseTo(10 + (gridWidth - 20) * 2 / 12 + 5,
                within(2.0));
    }

    private void addWidget(long dashboardId, Long visualizationId, String text, int col, int row, int sizeX,
                           int sizeY) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dashboard_id", dashboardId);
        body.put("visualization_id", visualizationId);
        body.put("text", text == null ? "" : text);
        body.put("width", 1);
        body.put("options", Map.of("position", Map.of("col", col, "row", row, "sizeX", sizeX, "sizeY", sizeY)));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(TestServer.get().url() + "/api/widgets"))
                .header("Authorization", "Key " + TestServer.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
}
