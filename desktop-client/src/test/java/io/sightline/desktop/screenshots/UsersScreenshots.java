package io.sightline.desktop.screenshots;

import static io.sightline.desktop.screenshots.ScreenshotWindow.on;
import static io.sightline.desktop.screenshots.ScreenshotWindow.waitFor;

import io.sightline.common.api.auth.User;
import io.sightline.desktop.SightlineApp;
import io.sightline.desktop.admin.UserAdminView;
import io.sightline.desktop.admin.UserAdminViewModel;
import io.sightline.desktop.api.GroupsClient;
import io.sightline.desktop.api.UserLinksClient;
import io.sightline.desktop.api.UsersClient;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * The Users screenshot of docs/images/ (README): an invitation made for a user who has no password yet, its link
 * ready to copy, on a real X display, cropped to the dialog with ImageMagick's {@code import -window root -crop}.
 * Run: {@code xvfb-run -a -s "-screen 0 1440x900x24" java -cp <test classpath>
 * io.sightline.desktop.screenshots.UsersScreenshots <server url> <api key> <output dir>}
 */
public final class UsersScreenshots {

    public static void main(String[] args) throws Exception {
        ScreenshotWindow screen = ScreenshotWindow.open(args[0], args[1], Path.of(args[2]), 1440, 900);
        SightlineApp app = screen.app();
        User invited = new UsersClient(app.workbench().client())
                .createUser("Priya Natarajan", "priya.natarajan@example.com", null);
        UserAdminView view = on(() -> {
            UserAdminView dialog = new UserAdminView(new UserAdminViewModel(new UsersClient(app.workbench().client()),
                    new GroupsClient(app.workbench().client()), new UserLinksClient(app.workbench().client()),
                    app.workbench().tasks()));
            dialog.show();
            return dialog;
        });
        waitFor(30, () -> users(view).getItems().stream().anyMatch(u -> u.id() == invited.id()));
        on(() -> {
            ListView<User> list = users(view);
            list.getSelectionModel().select(list.getItems().stream().filter(u -> u.id() == invited.id())
                    .findFirst().orElseThrow());
            ((Button) view.getDialogPane().lookup("#user-invite")).fire();
            return null;
        });
        waitFor(30, () -> !((TextField) view.getDialogPane().lookup("#user-link")).getText().isEmpty());
        Thread.sleep(1000);
        screen.capture("admin-users-invitation", on(() -> (Window) view.getDialogPane().getScene().getWindow()));
        ScreenshotWindow.close();
    }

    @SuppressWarnings("unchecked")
    private static ListView<User> users(UserAdminView view) {
        return (ListView<User>) view.getDialogPane().lookup("#users-list");
    }
}
