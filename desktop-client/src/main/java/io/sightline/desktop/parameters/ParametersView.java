package io.sightline.desktop.parameters;

import io.sightline.common.parameter.DynamicDates;
import io.sightline.common.parameter.ParameterType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.sightline.desktop.api.DropdownOption;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/** The form: a row per parameter with its type, a value editor that suits the type, and the problem if any. */
public final class ParametersView extends VBox {

    private final VBox rows = new VBox(10);
    private final Label empty = new Label("No parameters. Type {{ name }} in the SQL to add one.");

    public ParametersView(ParametersViewModel model) {
        getStyleClass().add("parameters-view");
        Label heading = new Label("Parameters");
        heading.getStyleClass().add("section-heading");
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
        rows.setPadding(new Insets(4, 8, 8, 8));
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setPadding(new Insets(6));
        setSpacing(6);
        getChildren().addAll(heading, scroll);
        model.fields().addListener((ListChangeListener<ParameterFieldViewModel>) change -> rebuild(model));
        rebuild(model);
    }

    private void rebuild(ParametersViewModel model) {
        List<Node> children = new ArrayList<>();
        for (ParameterFieldViewModel field : model.fields()) {
            children.add(new FieldRow(field));
        }
        rows.getChildren().setAll(children.isEmpty() ? List.of(empty) : children);
    }

    /** One parameter; rebuilds its editor when the type changes. */
    private static final class FieldRow extends VBox {
        private final ParameterFieldViewModel field;
        private final HBox editorBox = new HBox(6);

        FieldRow(ParameterFieldViewModel field) {
            this.field = field;
            getStyleClass().add("parameter-row");
            setSpacing(4);
            Label name = new Label();
            name.textProperty().bind(field.titleProperty());
            name.getStyleClass().add("parameter-name");
            ComboBox<ParameterType> type = new ComboBox<>();
            type.getItems().setAll(ParameterType.values());
            type.setId("param-" + field.name() + "-type");
            type.setConverter(new StringConverter<>() {
                @Override
                public String toString(ParameterType kind) {
                    return kind == null ? "" : kind.wireName();
                }

                @Override
                public ParameterType fromString(String text) {
                    return ParameterType.fromWire(text);
                }
            });
            type.valueProperty().bindBidirectional(field.typeProperty());
            type.setPrefWidth(150);
            type.getStyleClass().add("parameter-type");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Button settings = new Button("\u2699");
            settings.setTooltip(new Tooltip("Title, options and pattern of this parameter"));
            settings.setOnAction(e -> io.sightline.desktop.widgets.Dialogs.ownedBy(settings, new ParameterSettingsDialog(field))
                    .showAndWait());
            HBox header = new HBox(6, name, spacer(), type, settings);
            header.setAlignment(Pos.CENTER_LEFT);

            Label error = new Label();
            error.setId("param-" + field.name() + "-error");
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.textProperty().bind(field.errorProperty());
            error.visibleProperty().bind(field.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());

            field.typeProperty().addListener((obs, old, now) -> buildEditor());
            field.enumOptionsProperty().addListener((obs, old, now) -> buildEditor());
            field.multiValueProperty().addListener((obs, old, now) -> buildEditor());
            field.queryOptions().addListener((ListChangeListener<io.sightline.desktop.api.DropdownOption>) c ->
                    buildEditor());
            field.errorProperty().addListener((obs, old, now) -> markInvalid());
            buildEditor();
            getChildren().addAll(header, editorBox, error);
        }

        private void buildEditor() {
            ParameterType kind = field.typeProperty().get();
            Node editor = switch (kind) {
                case DATE -> datePicker("param-" + field.name(), text(field.valueProperty().get()),
                        text -> field.valueProperty().set(text));
                case DATE_RANGE, DATETIME_RANGE, DATETIME_RANGE_WITH_SECONDS -> rangeEditor(kind);
                case ENUM -> choiceEditor();
                case QUERY -> queryChoiceEditor();
                default -> textEditor(kind);
            };
            editorBox.getChildren().setAll(editor);
            HBox.setHgrow(editor, Priority.ALWAYS);
            markInvalid();
        }

        private void markInvalid() {
            editorBox.lookupAll(".text-input").forEach(node -> node.pseudoClassStateChanged(
                    javafx.css.PseudoClass.getPseudoClass("invalid"), !field.isValid()));
        }

        private Node textEditor(ParameterType kind) {
            TextField input = new TextField(text(field.valueProperty().get()));
            input.setId("param-" + field.name());
            input.setPromptText(switch (kind) {
                case NUMBER -> "a number";
                case DATETIME_LOCAL -> "YYYY-MM-DD HH:MM";
                case DATETIME_WITH_SECONDS -> "YYYY-MM-DD HH:MM:SS";
                case TEXT_PATTERN -> "text matching " + field.regexProperty().get();
                case QUERY -> "a value of the options query";
                default -> "text";
            });
            input.textProperty().addListener((obs, old, text) -> field.valueProperty().set(text));
            return input;
        }

        private Node choiceEditor() {
            List<String> options = field.enumOptionsProperty().get().lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
            if (field.multiValueProperty().get()) {
                CheckComboBox<String> choice = new CheckComboBox<>();
                choice.setId("param-" + field.name());
                choice.getItems().setAll(options);
                if (field.valueProperty().get() instanceof List<?> chosen) {
                    chosen.forEach(item -> choice.getCheckModel().check(String.valueOf(item)));
                }
                choice.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change ->
                        field.valueProperty().set(List.copyOf(choice.getCheckModel().getCheckedItems())));
                choice.setMaxWidth(Double.MAX_VALUE);
                return choice;
            }
            ComboBox<String> choice = new ComboBox<>();
            choice.setId("param-" + field.name());
            choice.getItems().setAll(options);
            choice.setPromptText(options.isEmpty() ? "add options with \u2699" : "choose");
            choice.setValue(field.valueProperty().get() == null ? null : text(field.valueProperty().get()));
            choice.valueProperty().addListener((obs, old, chosen) -> field.valueProperty().set(chosen));
            choice.setMaxWidth(Double.MAX_VALUE);
            return choice;
        }

        /** A dropdown filled from the latest result of the options query, several values with check boxes. */
        private Node queryChoiceEditor() {
            List<DropdownOption> options = List.copyOf(field.queryOptions());
            StringConverter<DropdownOption> names = new StringConverter<>() {
                @Override
                public String toString(DropdownOption option) {
                    return option == null ? "" : option.name();
                }

                @Override
                public DropdownOption fromString(String text) {
                    return options.stream().filter(o -> o.name().equals(text)).findFirst().orElse(null);
                }
            };
            Button reload = new Button("\u21BB");
            reload.setTooltip(new Tooltip("Load the options again (after the options query ran)"));
            reload.setOnAction(e -> field.reloadOptions());
            Node choice;
            if (field.multiValueProperty().get()) {
                CheckComboBox<DropdownOption> checks = new CheckComboBox<>();
                checks.setConverter(names);
                checks.getItems().setAll(options);
                if (field.valueProperty().get() instanceof List<?> chosen) {
                    options.stream().filter(o -> chosen.contains(o.value())).forEach(o -> checks.getCheckModel().check(o));
                }
                checks.getCheckModel().getCheckedItems().addListener((ListChangeListener<DropdownOption>) change ->
                        field.valueProperty().set(checks.getCheckModel().getCheckedItems().stream()
                                .map(DropdownOption::value).toList()));
                checks.setMaxWidth(Double.MAX_VALUE);
                choice = checks;
            } else {
                ComboBox<DropdownOption> single = new ComboBox<>();
                single.setConverter(names);
                single.getItems().setAll(options);
                single.setPromptText(options.isEmpty() ? "no options loaded" : "choose");
                Object current = field.valueProperty().get();
                single.setValue(options.stream().filter(o -> o.value().equals(text(current))).findFirst().orElse(null));
                single.valueProperty().addListener((obs, old, chosen) ->
                        field.valueProperty().set(chosen == null ? null : chosen.value()));
                single.setMaxWidth(Double.MAX_VALUE);
                choice = single;
            }
            choice.setId("param-" + field.name());
            HBox.setHgrow(choice, Priority.ALWAYS);
            HBox box = new HBox(4, choice, reload);
            box.setAlignment(Pos.CENTER_LEFT);
            return box;
        }

        private Node rangeEditor(ParameterType kind) {
            Object current = field.valueProperty().get();
            String start = current instanceof Map<?, ?> map ? text(map.get("start")) : "";
            String end = current instanceof Map<?, ?> map ? text(map.get("end")) : "";
            Label dynamic = new Label();
            dynamic.getStyleClass().add("dynamic-range");
            String[] ends = {start, end};
            Node startEditor;
            Node endEditor;
            List<TextInputControl> inputs = new ArrayList<>();
            if (kind == ParameterType.DATE_RANGE) {
                DatePicker from = datePicker("param-" + field.name() + "-start", start, text -> {
                    ends[0] = text;
                    field.setRange(ends[0], ends[1]);
                });
                DatePicker to = datePicker("param-" + field.name() + "-end", end, text -> {
                    ends[1] = text;
                    field.setRange(ends[0], ends[1]);
                });
                inputs.add(from.getEditor());
                inputs.add(to.getEditor());
                startEditor = from;
                endEditor = to;
            } else {
                String hint = kind == ParameterType.DATETIME_RANGE ? "YYYY-MM-DD HH:MM" : "YYYY-MM-DD HH:MM:SS";
                TextField from = new TextField(start);
                from.setId("param-" + field.name() + "-start");
                from.setPromptText(hint);
                TextField to = new TextField(end);
                to.setId("param-" + field.name() + "-end");
                to.setPromptText(hint);
                from.textProperty().addListener((obs, old, text) -> {
                    ends[0] = text;
                    field.setRange(ends[0], ends[1]);
                });
                to.textProperty().addListener((obs, old, text) -> {
                    ends[1] = text;
                    field.setRange(ends[0], ends[1]);
                });
                inputs.add(from);
                inputs.add(to);
                startEditor = from;
                endEditor = to;
            }
            MenuButton quick = new MenuButton("Quick");
            quick.setId("param-" + field.name() + "-quick");
            for (DynamicDates.DynamicDate choice : DynamicDates.rangeChoices()) {
                MenuItem item = new MenuItem(choice.label());
                item.setOnAction(e -> {
                    inputs.forEach(input -> input.setText(""));
                    field.valueProperty().set(choice.token());
                    dynamic.setText(choice.label());
                });
                quick.getItems().add(item);
            }
            if (current instanceof String token) {
                DynamicDates.rangeChoices().stream().filter(c -> c.token().equals(token.strip())).findFirst()
                        .ifPresent(c -> dynamic.setText(c.label()));
            }
            field.valueProperty().addListener((obs, old, now) -> {
                if (!(now instanceof String)) {
                    dynamic.setText("");
                }
            });
            HBox.setHgrow(startEditor, Priority.ALWAYS);
            HBox.setHgrow(endEditor, Priority.ALWAYS);
            VBox box = new VBox(4, new HBox(4, startEditor, new Label("\u2013"), endEditor), new HBox(6, quick, dynamic));
            ((HBox) box.getChildren().get(0)).setAlignment(Pos.CENTER_LEFT);
            ((HBox) box.getChildren().get(1)).setAlignment(Pos.CENTER_LEFT);
            return box;
        }

        /** A date picker whose typed text is the value, so it is checked while being typed. */
        private static DatePicker datePicker(String id, String initial, java.util.function.Consumer<String> onText) {
            DatePicker picker = new DatePicker();
            picker.setId(id);
            picker.setPromptText("YYYY-MM-DD");
            picker.setEditable(true);
            picker.setConverter(new StringConverter<>() {
                @Override
                public String toString(LocalDate date) {
                    return date == null ? "" : date.toString();
                }

                @Override
                public LocalDate fromString(String text) {
                    try {
                        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
                    } catch (DateTimeParseException e) {
                        return null;
                    }
                }
            });
            picker.getEditor().setText(initial);
            picker.getEditor().textProperty().addListener((obs, old, text) -> onText.accept(text));
            picker.valueProperty().addListener((obs, old, date) -> {
                if (date != null && !date.toString().equals(picker.getEditor().getText())) {
                    picker.getEditor().setText(date.toString());
                }
            });
            return picker;
        }

        private static String text(Object value) {
            return value == null ? "" : value instanceof List || value instanceof Map ? "" : value.toString();
        }

        private static javafx.scene.layout.Region spacer() {
            javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            return gap;
        }
    }
}
