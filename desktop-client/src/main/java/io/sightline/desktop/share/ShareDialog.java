package io.sightline.desktop.share;

import io.sightline.desktop.widgets.Dialogs;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Share a dashboard: its public link (create with an optional last day, copy, revoke after asking), its embed links,
 * and beside them the page the link opens, live.
 */
public final class ShareDialog extends Dialog<Void> {

    private final SharePreviewView preview;

    public ShareDialog(ShareDialogViewModel model) {
        titleProperty().bind(model.nameProperty().map(name -> "Share \u201c" + name + "\u201d"));
        setResizable(true);
        getDialogPane().setId("share-dialog");

        VBox controls = new VBox(8, linkSection(model), new Separator(), new EmbedLinkView(model.embed()),
                new Separator(), messages(model));
        controls.setPadding(new Insets(0, 10, 0, 0));
        controls.setPrefWidth(380);
        controls.setMinWidth(320);
        preview = new SharePreviewView(model);
        SplitPane split = new SplitPane(controls, preview);
        split.setDividerPositions(0.33);
        split.setPrefSize(1180, 640);
        getDialogPane().setContent(split);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        // a link's last day may pass while the dialog is open: the state and the preview follow
        Timeline recheck = new Timeline(new KeyFrame(Duration.seconds(30), e -> model.recheck()));
        recheck.setCycleCount(Timeline.INDEFINITE);
        setOnShown(e -> recheck.play());
        setOnHidden(e -> {
            recheck.stop();
            preview.unload(); // the page refreshes itself: it must not go on in a closed dialog
        });
        model.load();
    }

    private VBox linkSection(ShareDialogViewModel model) {
        Label heading = new Label("Public link");
        heading.getStyleClass().add("share-heading");
        Label status = new Label();
        status.setId("share-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        TextField url = new TextField();
        url.setId("share-url");
        url.setEditable(false);
        url.setPromptText("no link");
        url.textProperty().bind(model.publicUrlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("share-copy");
        copy.disableProperty().bind(model.stateProperty().isNotEqualTo(ShareDialogViewModel.LinkState.ACTIVE));
        copy.setOnAction(e -> model.copyLink());
        Button revoke = new Button("Revoke\u2026");
        revoke.setId("share-revoke");
        revoke.disableProperty().bind(model.stateProperty().isNotEqualTo(ShareDialogViewModel.LinkState.ACTIVE)
                .or(model.busyProperty()));
        revoke.setOnAction(e -> {
            if (confirmRevoke(revoke, model.nameProperty().get())) {
                model.revoke();
            }
        });

        DatePicker lastDay = new DatePicker();
        lastDay.setId("share-last-day");
        lastDay.setPromptText("until revoked");
        lastDay.setPrefWidth(150);
        lastDay.valueProperty().bindBidirectional(model.lastDayProperty());
        Button create = new Button();
        create.setId("share-create");
        create.textProperty().bind(model.stateProperty().map(state ->
                state == ShareDialogViewModel.LinkState.ACTIVE ? "New link" : "Create link"));
        create.disableProperty().bind(model.busyProperty());
        create.setOnAction(e -> model.share());
        HBox make = new HBox(8, new Label("Last day:"), lastDay, create);
        make.setAlignment(Pos.CENTER_LEFT);
        Label replaces = new Label("A new link ends the one before, and its embed links.");
        replaces.getStyleClass().add("share-hint");
        replaces.setWrapText(true);
        return new VBox(6, heading, status, new HBox(8, url, copy, revoke), make, replaces);
    }

    private static HBox messages(ShareDialogViewModel model) {
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(18, 18);
        working.visibleProperty().bind(model.busyProperty().or(model.embed().busyProperty()));
        working.managedProperty().bind(working.visibleProperty());
        Label error = new Label();
        error.setId("share-error");
        error.getStyleClass().add("share-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        Label message = new Label();
        message.setId("share-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        VBox lines = new VBox(4, error, message);
        HBox.setHgrow(lines, Priority.ALWAYS);
        return new HBox(8, working, lines);
    }

    private static boolean confirmRevoke(Button from, String dashboard) {
        ButtonType revoke = new ButtonType("Revoke", ButtonType.OK.getButtonData());
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Whoever has the link, or an embed link made from it,"
                + " will see \u201cThis link is no longer valid\u201d from now on.", revoke, ButtonType.CANCEL);
        ask.setHeaderText("Revoke the link to \u201c" + dashboard + "\u201d?");
        ask.getDialogPane().setId("share-revoke-confirmation");
        return Dialogs.ownedBy(from, ask).showAndWait().orElse(ButtonType.CANCEL) == revoke;
    }

    /** The preview's browser, for tests that read the page it shows. */
    public javafx.scene.web.WebView previewWebView() {
        return preview.webView();
    }
}
