package io.sightline.desktop.screenshots;

import static io.sightline.desktop.screenshots.ScreenshotWindow.on;
import static io.sightline.desktop.screenshots.ScreenshotWindow.waitFor;

import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.dashboard.DashboardView;
import io.sightline.desktop.dashboard.DashboardViewModel;
import io.sightline.desktop.dashboard.WidgetViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The dashboard screenshots of docs/images/ (README): the demo dashboards opened in the real window on a real X
 * display, once every widget has drawn, captured with ImageMagick's {@code import -window root}.
 * Run: {@code xvfb-run -a -s "-screen 0 1440x900x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.DashboardScreenshots <server url> <api key> <output dir>}
 */
public final class DashboardScreenshots {

    private static final List<String[]> SHOTS = List.of(
            new String[] {"Executive scorecard", "dashboard-scorecard"},
            new String[] {"Sales map", "dashboard-sales-map"},
            new String[] {"Revenue by region", "dashboard-revenue-by-region"});

    public static void main(String[] args) throws Exception {
        ScreenshotWindow window = ScreenshotWindow.open(args[0], args[1], Path.of(args[2]), 1440, 900);
        SightlineApp app = window.app();
        for (String[] shot : SHOTS) {
            ScreenshotDashboards.drawn(ScreenshotDashboards.open(app, shot[0]));
            Thread.sleep(2500);
            window.capture(shot[1]);
        }
        // a drill-through: a click on APAC's bar of Revenue by region opens Region detail with a breadcrumb back
        DashboardView byRegion = on(ScreenshotDashboards::shown);
        on(() -> {
            WidgetViewModel chart = byRegion.model().widgets().stream()
                    .filter(w -> DashboardViewModel.drillThrough(w).isPresent()).findFirst().orElseThrow();
            Map<String, Object> apac = chart.resultProperty().get().rows().stream()
                    .filter(row -> "APAC".equals(row.get("region"))).findFirst().orElseThrow();
            byRegion.model().drill(chart, apac);
            return null;
        });
        waitFor(30, () -> !byRegion.model().trail().isEmpty());
        waitFor(120, () -> byRegion.model().widgets().stream()
                .filter(w -> w.kind() == WidgetViewModel.Kind.VISUALIZATION)
                .allMatch(w -> !w.loadingProperty().get() && w.resultProperty().get() != null));
        Thread.sleep(2500);
        window.capture("dashboard-drill-region-detail");
        ScreenshotWindow.close();
    }
}
