package io.sightline.desktop.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * A widget's "Parameters…" in edit mode: per query parameter, where its value comes from (a dashboard parameter,
 * the widget's own value, or a static value) and the dashboard parameter's name or the static value.
 */
final class ParameterMappingDialog extends Dialog<List<ParameterMapping>> {

    private static final Map<String, String> SOURCES = Map.of(
            ParameterMapping.DASHBOARD_LEVEL, "Dashboard parameter",
            ParameterMapping.WIDGET_LEVEL, "Widget's own value",
            ParameterMapping.STATIC_VALUE, "Static value");

    ParameterMappingDialog(String widgetTitle, List<ParameterMapping> rows) {
        setTitle("Parameters of " + widgetTitle);
        GridPane grid = new GridPane();
        grid.setId("parameter-mappings");
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Parameter"), new Label("Value from"), new Label("Dashboard parameter or value"));
        List<ComboBox<String>> sources = new ArrayList<>();
        List<TextField> targets = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ParameterMapping row = rows.get(i);
            ComboBox<String> source = new ComboBox<>();
            source.setId("mapping-type-" + row.name());
            source.getItems().setAll(ParameterMapping.DASHBOARD_LEVEL, ParameterMapping.WIDGET_LEVEL,
                    ParameterMapping.STATIC_VALUE);
            io.sightline.desktop.widgets.Cells.show(source, SOURCES::get);
            source.setValue(row.type());
            TextField target = new TextField(targetText(row, row.type()));
            target.setId("mapping-target-" + row.name());
            source.valueProperty().addListener((obs, old, now) -> {
                target.setText(targetText(row, now));
                target.setDisable(ParameterMapping.WIDGET_LEVEL.equals(now));
            });
            target.setDisable(ParameterMapping.WIDGET_LEVEL.equals(row.type()));
            sources.add(source);
            targets.add(target);
            grid.addRow(i + 1, new Label(row.title()), source, target);
        }
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            List<ParameterMapping> chosen = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                String type = sources.get(i).getValue();
                String text = targets.get(i).getText() == null ? "" : targets.get(i).getText();
                chosen.add(new ParameterMapping(rows.get(i).name(), rows.get(i).title(), type,
                        ParameterMapping.DASHBOARD_LEVEL.equals(type) ? text : rows.get(i).name(),
                        ParameterMapping.STATIC_VALUE.equals(type) ? text : ""));
            }
            return chosen;
        });
    }

    private static String targetText(ParameterMapping row, String type) {
        return switch (type) {
            case ParameterMapping.DASHBOARD_LEVEL -> row.mapTo();
            case ParameterMapping.STATIC_VALUE -> row.value();
            default -> "";
        };
    }
}
