package io.sightline.desktop.share;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * The shared page as whoever gets the link sees it: the server's own page ({@code /public/dashboards/...}) in a
 * WebView, reloaded whenever the link changes, with a choice between the public link and the embed link.
 */
final class SharePreviewView extends BorderPane {

    private static final String NOTHING = """
            <!doctype html><html><head><meta charset="utf-8"><title>No link</title><style>
            body{font-family:sans-serif;color:#666;display:flex;align-items:center;justify-content:center;
            height:90vh;margin:0}</style></head><body><p>Create a link to see the page its viewers will see.</p>
            </body></html>""";

    private final WebView web = new WebView();

    SharePreviewView(ShareDialogViewModel model) {
        getStyleClass().add("share-preview");
        web.setId("share-preview");
        web.setContextMenuEnabled(false);
        web.setPrefSize(760, 560);

        ToggleGroup which = new ToggleGroup();
        RadioButton shareLink = new RadioButton("Public link");
        shareLink.setId("preview-share-link");
        shareLink.setToggleGroup(which);
        RadioButton embedLink = new RadioButton("Embed link");
        embedLink.setId("preview-embed-link");
        embedLink.setToggleGroup(which);
        embedLink.disableProperty().bind(model.embed().urlProperty().isEmpty());
        embedLink.selectedProperty().bindBidirectional(model.previewEmbedProperty());
        shareLink.setSelected(!model.previewEmbedProperty().get());
        model.previewEmbedProperty().addListener((obs, old, embedded) -> shareLink.setSelected(!embedded));

        Label address = new Label();
        address.setId("preview-address");
        address.getStyleClass().add("share-preview-address");
        address.textProperty().bind(model.previewUrlProperty());
        address.setMinWidth(0);
        Button reload = new Button("Reload");
        reload.setId("preview-reload");
        reload.setOnAction(e -> show(model.previewUrlProperty().get()));
        HBox.setHgrow(address, Priority.ALWAYS);
        address.setMaxWidth(Double.MAX_VALUE);
        Label title = new Label("Preview:");
        title.getStyleClass().add("share-heading");
        for (javafx.scene.control.Control fixed : java.util.List.of(title, shareLink, embedLink, reload)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE); // the address gives way, not the choices
        }
        HBox bar = new HBox(8, title, shareLink, embedLink, address, reload);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 6, 0));
        setTop(bar);
        setCenter(web);

        model.previewLoadsProperty().addListener((obs, old, loads) -> show(model.previewUrlProperty().get()));
        show(model.previewUrlProperty().get());
    }

    private void show(String url) {
        WebEngine engine = web.getEngine();
        if (url == null || url.isEmpty()) {
            engine.loadContent(NOTHING);
        } else {
            engine.load(url);
        }
    }

    void unload() {
        web.getEngine().load("about:blank");
    }

    WebView webView() {
        return web;
    }
}
