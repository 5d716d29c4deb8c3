package io.sightline.desktop.admin;

import io.sightline.common.visualization.DateTimeFormat;
import io.sightline.common.visualization.NumberFormat;
import io.sightline.common.visualization.OrganizationFormats;
import io.sightline.desktop.api.OrganizationSettingsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.formats.CurrentFormats;
import io.sightline.desktop.task.BackgroundTasks;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import tools.jackson.databind.JsonNode;

/**
 * The organization's formats for admins (Redash's settings page, its formats): date and time format among the
 * ones Redash offers, the integer and float number formats; a preview of each; saving sends them to the server,
 * which checks them (its refusal is shown as it words it), and the grid and visualizations take the saved ones.
 */
public final class OrganizationSettingsViewModel {

    /** The choices Redash's settings page offers. */
    public static final List<String> DATE_FORMATS = List.of("DD/MM/YY", "MM/DD/YY", "YYYY-MM-DD");
    public static final List<String> TIME_FORMATS = List.of("HH:mm", "HH:mm:ss", "HH:mm:ss.SSS");

    private static final LocalDateTime SAMPLE_TIME = LocalDateTime.of(2024, 3, 5, 14, 7, 9, 250_000_000);

    private final OrganizationSettingsClient client;
    private final BackgroundTasks tasks;
    private final StringProperty dateFormat = new SimpleStringProperty("");
    private final StringProperty timeFormat = new SimpleStringProperty("");
    private final StringProperty integerFormat = new SimpleStringProperty("");
    private final StringProperty floatFormat = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final StringBinding preview;

    public OrganizationSettingsViewModel(SightlineClient client, BackgroundTasks tasks) {
        this.client = new OrganizationSettingsClient(client);
        this.tasks = tasks;
        preview = Bindings.createStringBinding(this::previewText, dateFormat, timeFormat, integerFormat, floatFormat);
    }

    public void load() {
        busy.set(true);
        tasks.run("Reading the organization's settings", client::settings, settings -> {
            show(settings);
            busy.set(false);
        }, failure -> {
            message.set(failure);
            busy.set(false);
        });
    }

    public void save() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("date_format", dateFormat.get());
        changes.put("time_format", timeFormat.get());
        changes.put("integer_format", integerFormat.get().strip());
        changes.put("float_format", floatFormat.get().strip());
        busy.set(true);
        message.set("");
        tasks.run("Saving the organization's settings", () -> client.save(changes), settings -> {
            show(settings);
            CurrentFormats.set(OrganizationFormats.ofSettings(dateFormat.get(), timeFormat.get(), integerFormat.get(),
                    floatFormat.get()));
            message.set("Saved: results and visualizations now show these formats.");
            busy.set(false);
        }, failure -> {
            message.set(failure);
            busy.set(false);
        });
    }

    private void show(Map<String, JsonNode> settings) {
        dateFormat.set(text(settings, "date_format"));
        timeFormat.set(text(settings, "time_format"));
        integerFormat.set(text(settings, "integer_format"));
        floatFormat.set(text(settings, "float_format"));
    }

    private static String text(Map<String, JsonNode> settings, String name) {
        JsonNode value = settings.get(name);
        return value == null || !value.isString() ? "" : value.asString();
    }

    /** How a sample date-time, integer and float look in the formats as typed (before saving). */
    private String previewText() {
        OrganizationFormats formats = OrganizationFormats.ofSettings(dateFormat.get(), timeFormat.get(),
                integerFormat.get(), floatFormat.get());
        return "Date: " + sample(() -> DateTimeFormat.format(SAMPLE_TIME, formats.dateFormat()))
                + "\nDate and time: " + sample(() -> DateTimeFormat.format(SAMPLE_TIME, formats.dateTimeFormat()))
                + "\nInteger: " + sample(() -> NumberFormat.format(1234567, formats.integerFormat()))
                + "\nFloat: " + sample(() -> NumberFormat.format(1234.5678, formats.floatFormat()));
    }

    private static String sample(java.util.function.Supplier<String> formatted) {
        try {
            return formatted.get();
        } catch (RuntimeException notAFormat) {
            return "?";
        }
    }

    public StringProperty dateFormatProperty() {
        return dateFormat;
    }

    public StringProperty timeFormatProperty() {
        return timeFormat;
    }

    public StringProperty integerFormatProperty() {
        return integerFormat;
    }

    public StringProperty floatFormatProperty() {
        return floatFormat;
    }

    public StringBinding previewProperty() {
        return preview;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
