package io.sightline.desktop.query;

import io.sightline.common.api.query.QueryVersion;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The version list, a diff of two chosen versions, and Restore. */
public final class VersionHistoryView extends Dialog<Void> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public VersionHistoryView(VersionHistoryViewModel model, Consumer<QueryVersion> restore) {
        setTitle("Version history");
        setResizable(true);
        ListView<QueryVersion> list = new ListView<>(model.versions());
        list.setId("version-list");
        list.setCellFactory(view -> new VersionCell());
        list.setPrefWidth(260);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.newerProperty().set(chosen);
                int index = model.versions().indexOf(chosen);
                model.olderProperty().set(index + 1 < model.versions().size()
                        ? model.versions().get(index + 1) : chosen);
            }
        });
        ComboBox<QueryVersion> from = chooser(model);
        from.valueProperty().bindBidirectional(model.olderProperty());
        ComboBox<QueryVersion> to = chooser(model);
        to.valueProperty().bindBidirectional(model.newerProperty());
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add("muted");
        HBox compare = new HBox(6, new Label("Compare"), from, new Label("with"), to, message);
        compare.setAlignment(Pos.CENTER_LEFT);

        ListView<LineDiff.Line> diff = new ListView<>(model.diff());
        diff.setId("version-diff");
        diff.getStyleClass().add("diff-view");
        diff.setCellFactory(view -> new DiffCell());
        VBox.setVgrow(diff, Priority.ALWAYS);

        Button restoreButton = new Button("Restore this version into the editor");
        restoreButton.setId("restore-version");
        restoreButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        restoreButton.setOnAction(e -> model.restore(list.getSelectionModel().getSelectedItem(), version -> {
            restore.accept(version);
            close();
        }));

        BorderPane content = new BorderPane();
        content.setLeft(list);
        VBox right = new VBox(8, compare, diff, restoreButton);
        right.setPadding(new Insets(0, 0, 0, 10));
        content.setCenter(right);
        content.setPrefSize(980, 560);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        model.load();
    }

    private static ComboBox<QueryVersion> chooser(VersionHistoryViewModel model) {
        ComboBox<QueryVersion> box = new ComboBox<>(model.versions());
        box.setCellFactory(view -> new VersionCell());
        box.setButtonCell(new VersionCell());
        return box;
    }

    private static final class VersionCell extends ListCell<QueryVersion> {
        @Override
        protected void updateItem(QueryVersion version, boolean empty) {
            super.updateItem(version, empty);
            if (empty || version == null) {
                setText(null);
                return;
            }
            String who = version.user() == null ? "" : " \u00B7 " + version.user().name();
            String when = version.createdAt() == null ? "" : " \u00B7 " + WHEN.format(version.createdAt()
                    .atZoneSameInstant(java.time.ZoneId.systemDefault()));
            setText("Version " + version.version() + when + who);
        }
    }

    private static final class DiffCell extends ListCell<LineDiff.Line> {
        @Override
        protected void updateItem(LineDiff.Line line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("diff-added", "diff-removed");
            if (empty || line == null) {
                setText(null);
                return;
            }
            switch (line.kind()) {
                case ADDED -> {
                    setText("+ " + line.text());
                    getStyleClass().add("diff-added");
                }
                case REMOVED -> {
                    setText("- " + line.text());
                    getStyleClass().add("diff-removed");
                }
                default -> setText("  " + line.text());
            }
        }
    }
}
