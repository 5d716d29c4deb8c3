package io.sightline.desktop.screenshots;

import static io.sightline.desktop.screenshots.ScreenshotWindow.on;

import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.dashboard.DashboardView;
import java.nio.file.Path;

/**
 * The edit-mode screenshot of docs/images/ (README): the demo Executive scorecard in edit mode, each widget with
 * its drag bar, remove button and resize corner, a new text widget added below.
 * Run: {@code xvfb-run -a -s "-screen 0 1440x900x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.DashboardEditScreenshots <server url> <api key> <output dir>}
 */
public final class DashboardEditScreenshots {

    public static void main(String[] args) throws Exception {
        ScreenshotWindow window = ScreenshotWindow.open(args[0], args[1], Path.of(args[2]), 1440, 900);
        SightlineApp app = window.app();
        DashboardView scorecard = ScreenshotDashboards.open(app, "Executive scorecard");
        ScreenshotDashboards.drawn(scorecard);
        on(() -> {
            scorecard.model().edit().start();
            scorecard.model().edit().addText("### Notes\nTargets are **monthly**; see the finance wiki.");
            return null;
        });
        Thread.sleep(2500);
        window.capture("dashboard-edit-mode");
        ScreenshotWindow.close();
    }
}
