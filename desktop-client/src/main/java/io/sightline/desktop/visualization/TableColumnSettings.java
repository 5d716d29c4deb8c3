package io.sightline.desktop.visualization;

import io.sightline.common.visualization.TableColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One column of a table as the editor changes it, with Redash's column keys: shown or not, title, how its values
 * are written (display as, alignment, number and date formats, link templates) and whether the search covers it.
 */
public final class TableColumnSettings {

    public static final List<String> DISPLAY_AS = List.of("string", "number", "datetime", "boolean", "link",
            "image", "json");
    public static final List<String> ALIGNMENTS = List.of("left", "center", "right");

    private final String name;
    private final Map<String, Object> saved;
    private final TableColumn unsaved;
    private final BooleanProperty visible = new SimpleBooleanProperty();
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty displayAs = new SimpleStringProperty();
    private final StringProperty alignContent = new SimpleStringProperty();
    private final StringProperty numberFormat = new SimpleStringProperty();
    private final StringProperty dateTimeFormat = new SimpleStringProperty();
    private final StringProperty linkUrlTemplate = new SimpleStringProperty();
    private final StringProperty linkTextTemplate = new SimpleStringProperty();
    private final StringProperty linkTitleTemplate = new SimpleStringProperty();
    private final BooleanProperty allowSearch = new SimpleBooleanProperty();

    /**
     * The column as it is drawn now: what was saved for it over Redash's defaults for its type.
     *
     * @param unsaved the same column with nothing saved: the organization's formats it follows until it has its own
     */
    TableColumnSettings(TableColumn column, TableColumn unsaved) {
        this.name = column.name();
        this.saved = column.saved();
        this.unsaved = unsaved;
        visible.set(column.visible());
        title.set(column.title());
        displayAs.set(column.displayAs());
        alignContent.set(column.alignContent());
        numberFormat.set(column.numberFormat());
        dateTimeFormat.set(column.dateTimeFormat());
        linkUrlTemplate.set(column.linkUrlTemplate());
        linkTextTemplate.set(column.linkTextTemplate());
        linkTitleTemplate.set(saved.get("linkTitleTemplate") instanceof String t ? t : "");
        allowSearch.set(column.allowSearch());
    }

    List<Observable> inputs() {
        return List.of(visible, title, displayAs, alignContent, numberFormat, dateTimeFormat, linkUrlTemplate,
                linkTextTemplate, linkTitleTemplate, allowSearch);
    }

    /** The column's options to save: what was saved for it (keys this editor does not know kept), with its own. */
    Map<String, Object> write(int order) {
        Map<String, Object> out = new LinkedHashMap<>(saved);
        out.put("name", name);
        out.put("title", title.get() == null || title.get().isBlank() ? name : title.get());
        out.put("visible", visible.get());
        out.put("order", order);
        out.put("displayAs", displayAs.get());
        out.put("alignContent", alignContent.get());
        putFormat(out, "numberFormat", numberFormat.get(), unsaved.numberFormat());
        putFormat(out, "dateTimeFormat", dateTimeFormat.get(), unsaved.dateTimeFormat());
        out.put("linkUrlTemplate", linkUrlTemplate.get());
        out.put("linkTextTemplate", linkTextTemplate.get());
        out.put("linkTitleTemplate", linkTitleTemplate.get());
        out.put("allowSearch", allowSearch.get());
        return out;
    }

    /**
     * A format is saved once the column has one of its own; until then the column goes on following the
     * organization's format, when an admin changes it, rather than the one it had when the table was edited.
     */
    private void putFormat(Map<String, Object> out, String key, String value, String organizations) {
        if (saved.containsKey(key) || value != null && !value.equals(organizations)) {
            out.put(key, value);
        } else {
            out.remove(key);
        }
    }

    public String name() { return name; }
    public BooleanProperty visibleProperty() { return visible; }
    public StringProperty titleProperty() { return title; }
    public StringProperty displayAsProperty() { return displayAs; }
    public StringProperty alignContentProperty() { return alignContent; }
    public StringProperty numberFormatProperty() { return numberFormat; }
    public StringProperty dateTimeFormatProperty() { return dateTimeFormat; }
    public StringProperty linkUrlTemplateProperty() { return linkUrlTemplate; }
    public StringProperty linkTextTemplateProperty() { return linkTextTemplate; }
    public StringProperty linkTitleTemplateProperty() { return linkTitleTemplate; }
    public BooleanProperty allowSearchProperty() { return allowSearch; }
}
