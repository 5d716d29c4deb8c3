package io.sightline.desktop.visualization;

import io.sightline.common.visualization.CellColorRule;
import io.sightline.common.visualization.OrganizationFormats;
import io.sightline.common.visualization.ResultColumn;
import io.sightline.common.visualization.TableColumn;
import io.sightline.common.visualization.TableOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The table part of the visualization editor, as Redash's table editor: rows per page, and per column, in the order shown, whether it is shown, its title, how its values
 * are written and whether the search covers it. It writes Redash's {@code columns} array whole, every column in
 * its order, keeping what was saved for a column that it does not know. Sightline's conditional colours
 * ({@code sightline.cellColors}) are edited column by column, kept in one list as their order decides which wins.
 */
public final class TableOptionsViewModel {

    private final StringProperty itemsPerPage = new SimpleStringProperty("25");
    private final ObservableList<TableColumnSettings> columns = FXCollections.observableArrayList();
    private final ObservableList<CellColorSettings> cellColors = FXCollections.observableArrayList();
    private List<String> numericColumns = List.of();
    private boolean hadCellColors;
    /** Counts changes to any column's settings, so that one listener hears them all. */
    private final IntegerProperty edits = new SimpleIntegerProperty();
    private final InvalidationListener counting = o -> edits.set(edits.get() + 1);

    List<Observable> inputs() {
        return List.of(itemsPerPage, columns, cellColors, edits);
    }

    /**
     * The columns of {@code result} as {@code saved} shows them: the saved order, titles and formats, the result's
     * other columns after them with Redash's defaults.
     */
    void load(Map<String, Object> saved, List<ResultColumn> result, OrganizationFormats formats) {
        TableOptions options = new TableOptions(saved, formats);
        itemsPerPage.set(Integer.toString(options.itemsPerPage()));
        List<ResultColumn> resultColumns = result == null ? List.of() : result;
        List<TableColumn> unsaved = new TableOptions(Map.of(), formats).columns(resultColumns);
        List<TableColumnSettings> loaded = options.columns(resultColumns).stream()
                .map(c -> new TableColumnSettings(c, unsaved.stream().filter(u -> u.name().equals(c.name()))
                        .findFirst().orElseThrow()))
                .toList();
        columns.forEach(c -> c.inputs().forEach(i -> i.removeListener(counting)));
        loaded.forEach(c -> c.inputs().forEach(i -> i.addListener(counting)));
        columns.setAll(loaded);
        numericColumns = resultColumns.stream().filter(ResultColumn::numeric).map(ResultColumn::name).toList();
        List<CellColorRule> rules = options.cellColorRules();
        hadCellColors = !options.list("sightline.cellColors").isEmpty();
        cellColors.forEach(r -> r.inputs().forEach(i -> i.removeListener(counting)));
        cellColors.setAll(rules.stream().map(r -> new CellColorSettings(r, numericColumns.contains(r.column())))
                .toList());
        cellColors.forEach(r -> r.inputs().forEach(i -> i.addListener(counting)));
    }

    /**
     * A new colour rule for {@code column}, after the others (so an earlier rule still wins): "greater than" a
     * value to type for a numeric column, "equals" for another, in a pale red.
     */
    public CellColorSettings addCellColor(String column) {
        boolean numeric = numericColumns.contains(column);
        CellColorSettings rule = new CellColorSettings(CellColorRule.of(column, numeric ? ">" : "=", null,
                "#f8d7da", false), numeric);
        rule.inputs().forEach(i -> i.addListener(counting));
        cellColors.add(rule);
        return rule;
    }

    public void removeCellColor(CellColorSettings rule) {
        rule.inputs().forEach(i -> i.removeListener(counting));
        cellColors.remove(rule);
    }

    /** Moves a column one place up (-1) or down (+1) in the order shown; at an end it stays. */
    public void move(TableColumnSettings column, int by) {
        int from = columns.indexOf(column);
        int to = from + by;
        if (from < 0 || to < 0 || to >= columns.size()) {
            return;
        }
        columns.remove(from);
        columns.add(to, column);
    }

    /** The options to save: {@code saved} with this form's rows per page and columns. */
    Map<String, Object> write(Map<String, Object> saved) {
        Map<String, Object> out = new LinkedHashMap<>(saved);
        Integer perPage = wholeNumber(itemsPerPage.get());
        out.put("itemsPerPage", perPage == null || perPage < 1 ? 25 : perPage);
        if (!columns.isEmpty()) {
            List<Map<String, Object>> written = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                written.add(columns.get(i).write(i));
            }
            // a saved column the result does not have now (the query changed, or failed) keeps its options
            if (saved.get("columns") instanceof List<?> before) {
                for (Object c : before) {
                    if (c instanceof Map<?, ?> m && columns.stream().noneMatch(s -> s.name().equals(m.get("name")))) {
                        @SuppressWarnings("unchecked") Map<String, Object> kept = (Map<String, Object>) m;
                        written.add(kept);
                    }
                }
            }
            out.put("columns", written);
        }
        if (hadCellColors || !cellColors.isEmpty()) {
            return TableOptions.withCellColors(out, cellColors.stream().map(CellColorSettings::rule).toList());
        }
        return out;
    }

    /** What keeps the table from being drawn as meant, in the editor's words. */
    List<String> problems() {
        List<String> found = new ArrayList<>();
        Integer perPage = wholeNumber(itemsPerPage.get());
        if (perPage == null || perPage < 1) {
            found.add("Rows per page must be a whole number above 0, not \"" + itemsPerPage.get()
                    + "\" (25 is saved).");
        }
        if (!columns.isEmpty() && columns.stream().noneMatch(c -> c.visibleProperty().get())) {
            found.add("Every column is hidden: the table will be empty.");
        }
        for (TableColumnSettings column : columns) {
            String url = column.linkUrlTemplateProperty().get();
            if ("link".equals(column.displayAsProperty().get()) && (url == null || url.isBlank())) {
                found.add("Column " + column.name() + " shows links but has no URL template ({{ @ }} is the"
                        + " cell).");
            }
        }
        return found;
    }

    private static Integer wholeNumber(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public StringProperty itemsPerPageProperty() { return itemsPerPage; }
    public ObservableList<TableColumnSettings> columns() { return columns; }
    /** Every colour rule in the order tried (the first that matches a cell wins). */
    public ObservableList<CellColorSettings> cellColors() { return cellColors; }
}
