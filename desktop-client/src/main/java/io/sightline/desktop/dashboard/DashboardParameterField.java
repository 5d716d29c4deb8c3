package io.sightline.desktop.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One dashboard parameter in the dashboard's header: its name, title, type, the choices of a dropdown
 * ({@code enumOptions}) and the value being edited, as the text Redash writes in a URL ({@code p_<name>}): a range
 * as {@code start--end}, a date as {@code 2024-01-31}, several values as a JSON array.
 */
public final class DashboardParameterField {

    private final String name;
    private final String title;
    private final String type;
    private final List<String> choices;
    private final StringProperty text = new SimpleStringProperty("");

    DashboardParameterField(String name, Map<String, Object> declaration, String text) {
        this.name = name;
        this.title = declaration.get("title") instanceof String t && !t.isBlank() ? t : name;
        this.type = String.valueOf(declaration.getOrDefault("type", "text"));
        this.choices = "enum".equals(type) && declaration.get("enumOptions") instanceof String options
                ? Arrays.stream(options.split("\n")).map(String::strip).filter(o -> !o.isEmpty()).toList() : List.of();
        this.text.set(text);
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    /** Redash's parameter type: {@code text}, {@code number}, {@code enum}, {@code date-range}, … */
    public String type() {
        return type;
    }

    /** A dropdown's choices; empty for a typed value. */
    public List<String> choices() {
        return choices;
    }

    /** What the field's text should look like, for its prompt. */
    public String hint() {
        return switch (type) {
            case "date" -> "2024-01-31";
            case "datetime-local", "datetime-with-seconds" -> "2024-01-31 09:00";
            case "date-range" -> "2024-01-01--2024-01-31";
            case "datetime-range", "datetime-range-with-seconds" -> "2024-01-01 00:00--2024-01-31 23:59";
            case "number" -> "a number";
            default -> "";
        };
    }

    public StringProperty textProperty() {
        return text;
    }
}
