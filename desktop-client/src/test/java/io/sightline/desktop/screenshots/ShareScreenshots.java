package io.sightline.desktop.screenshots;

import static io.sightline.desktop.screenshots.ScreenshotWindow.on;
import static io.sightline.desktop.screenshots.ScreenshotWindow.waitFor;

import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.dashboard.DashboardView;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.web.WebView;
import javafx.stage.Window;

/**
 * The Share dialog screenshot of docs/images/ (README): the demo "Region detail" shared from its tab, an embed link
 * locking its region to APAC made, and the preview showing that link's page, on a real X display, cropped to the
 * dialog with ImageMagick's {@code import -window root -crop}.
 * Run: {@code xvfb-run -a -s "-screen 0 1440x900x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.ShareScreenshots <server url> <api key> <output dir>}
 */
public final class ShareScreenshots {

    public static void main(String[] args) throws Exception {
        ScreenshotWindow screen = ScreenshotWindow.open(args[0], args[1], Path.of(args[2]), 1440, 900);
        SightlineApp app = screen.app();
        DashboardView regionDetail = ScreenshotDashboards.open(app, "Region detail");
        on(() -> {
            ((Button) regionDetail.lookup("#dashboard-share")).fire();
            return null;
        });
        waitFor(30, () -> dialog() != null && dialog().getScene().lookup("#share-create") != null);
        on(() -> {
            ((Button) inDialog("#share-create")).fire();
            return null;
        });
        waitFor(30, () -> !((TextField) inDialog("#share-url")).getText().isEmpty());
        on(() -> {
            ((CheckBox) inDialog("#embed-lock-region")).setSelected(true);
            ((TextField) inDialog("#embed-value-region")).setText("APAC");
            ((Button) inDialog("#embed-make")).fire();
            return null;
        });
        waitFor(30, () -> !((TextField) inDialog("#embed-url")).getText().isEmpty());
        waitFor(60, () -> Integer.valueOf(1).equals(((WebView) inDialog("#share-preview")).getEngine()
                .executeScript("document.querySelectorAll('section.widget.viz[data-state=ready]').length")));
        Thread.sleep(2500);
        screen.capture("share-dialog", on(ShareScreenshots::dialog));
        ScreenshotWindow.close();
    }

    private static Window dialog() {
        return Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#share-dialog") != null).findFirst().orElse(null);
    }

    private static Node inDialog(String selector) {
        return dialog().getScene().lookup(selector);
    }
}
