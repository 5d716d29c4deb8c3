package io.sightline.desktop.results;

import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.ColumnType;
import io.sightline.common.visualization.OrganizationFormats;
import io.sightline.desktop.api.ResultPage;
import io.sightline.desktop.api.RunsClient;
import io.sightline.desktop.formats.CurrentFormats;
import io.sightline.desktop.task.BackgroundTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * A stored result shown in the grid: the first page comes with the facts (row count, runtime, truncation),
 * further pages are fetched as the user scrolls to them.
 */
public final class ResultGridViewModel {

    public static final int PAGE_SIZE = 500;
    /** Results up to this size are held whole, so they can be sorted and filtered here. */
    public static final int CLIENT_SIDE_ROWS = 10_000;
    static final int KEPT_PAGES = 40;

    private final RunsClient client;
    private final BackgroundTasks tasks;
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ObservableList<ResultRow>> rows = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper sortable = new ReadOnlyBooleanWrapper();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper();
    private final ReadOnlyLongWrapper rowCount = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper truncated = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
    private long resultId = -1;
    private FilteredList<ResultRow> whole;

    private final int clientSideRows;

    public ResultGridViewModel(RunsClient client, BackgroundTasks tasks) {
        this(client, tasks, CLIENT_SIDE_ROWS);
    }

    /** @param clientSideRows results up to this many rows are held whole (sortable, filterable) */
    ResultGridViewModel(RunsClient client, BackgroundTasks tasks, int clientSideRows) {
        this.client = client;
        this.tasks = tasks;
        this.clientSideRows = clientSideRows;
        filter.addListener((obs, old, text) -> {
            if (whole != null) {
                whole.setPredicate(matching(text));
                shown.set(whole.size());
            }
        });
    }

    /** Shows result {@code id}; {@code onShown} runs once its first page is in the grid (or with the failure). */
    public void load(long id, Runnable onShown, Consumer<String> onFailure) {
        resultId = id;
        tasks.run("Fetching the result", () -> client.resultPage(id, 0, PAGE_SIZE), first -> {
            if (resultId != id) {
                return;
            }
            show(first);
            onShown.run();
        }, failure -> {
            message.set(failure);
            onFailure.accept(failure);
        });
    }

    private void show(ResultPage first) {
        long id = first.id();
        PagedRows paged = new PagedRows(first.rowCount(), PAGE_SIZE, KEPT_PAGES, (page, list) -> fetch(id, page, list));
        paged.preload(0, first.rows());
        columns.setAll(first.columns());
        rowCount.set(first.rowCount());
        truncated.set(first.truncated());
        message.set(first.truncated() ? "Only the first " + String.format(Locale.ROOT, "%,d", first.rowLimit())
                + " rows were kept (the row limit); the query returned more." : "");
        summary.set(describe(first));
        whole = null;
        sortable.set(false);
        filter.set("");
        rows.set(paged);
        shown.set(paged.size());
        if (first.rowCount() <= clientSideRows) {
            holdWhole(first);
        }
    }

    /** A small result is fetched whole (one more request at most) and becomes sortable and filterable. */
    private void holdWhole(ResultPage first) {
        long id = first.id();
        int missing = (int) first.rowCount() - first.rows().size();
        if (missing <= 0) {
            showWhole(first.rows());
            return;
        }
        tasks.run("Fetching the rows", () -> client.resultPage(id, first.rows().size(), missing).rows(), rest -> {
            if (resultId != id) {
                return;
            }
            List<Object[]> all = new java.util.ArrayList<>(first.rows());
            all.addAll(rest);
            showWhole(all);
        }, message::set);
    }

    private void showWhole(List<Object[]> values) {
        List<ResultRow> all = new java.util.ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            ResultRow row = new ResultRow(i);
            row.fill(values.get(i));
            all.add(row);
        }
        FilteredList<ResultRow> filtered = new FilteredList<>(FXCollections.observableList(all));
        whole = filtered;
        sortable.set(true);
        rows.set(filtered);
        shown.set(filtered.size());
    }

    /**
     * A row matches when one of its cells, as shown (in the organization's formats) or as plain text, contains the
     * text (ignoring case).
     */
    java.util.function.Predicate<ResultRow> matching(String text) {
        if (text == null || text.isBlank()) {
            return row -> true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        List<Column> shownColumns = List.copyOf(columns);
        OrganizationFormats formats = CurrentFormats.get();
        return row -> {
            for (int i = 0; i < shownColumns.size(); i++) {
                Object value = row.value(i);
                ColumnType type = shownColumns.get(i).type();
                if (value != null && (CellFormat.text(value, type).toLowerCase(Locale.ROOT).contains(needle)
                        || CellFormat.shown(value, type, formats).toLowerCase(Locale.ROOT).contains(needle))) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Orders cell values as the grid sorts them: empty first, numbers by value, the rest as text. */
    public static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString()));
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        return a.toString().compareTo(b.toString());
    }

    private void fetch(long id, int page, PagedRows list) {
        tasks.run("Fetching rows", () -> client.resultPage(id, (long) page * PAGE_SIZE, PAGE_SIZE).rows(),
                values -> list.fill(page, values), failure -> {
                    list.failed(page);
                    message.set(failure);
                });
    }

    static String describe(ResultPage first) {
        String count = String.format(Locale.ROOT, "%,d row%s", first.rowCount(), first.rowCount() == 1 ? "" : "s");
        String runtime = first.runtime() < 1 ? String.format(Locale.ROOT, "%.0f ms", first.runtime() * 1000)
                : String.format(Locale.ROOT, "%.2f s", first.runtime());
        return count + (first.truncated() ? " (truncated)" : "") + " \u00B7 " + runtime;
    }

    /** Tab-separated text of the given rows and columns, for the clipboard; rows not yet fetched are skipped. */
    public static String asText(List<Column> columns, List<ResultRow> rows, List<Integer> columnIndexes,
                                boolean header) {
        StringBuilder text = new StringBuilder();
        if (header) {
            text.append(String.join("\t", columnIndexes.stream().map(i -> columns.get(i).name()).toList())).append('\n');
        }
        for (ResultRow row : rows) {
            if (!row.loaded()) {
                continue;
            }
            for (int c = 0; c < columnIndexes.size(); c++) {
                int column = columnIndexes.get(c);
                if (c > 0) {
                    text.append('\t');
                }
                text.append(CellFormat.text(row.value(column), columns.get(column).type()).replace('\t', ' ')
                        .replace('\n', ' '));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Writes the whole result (all pages, not just those seen) to {@code file} as CSV or Excel (.xlsx). */
    public void export(Path file, Consumer<String> onDone) {
        long id = resultId;
        if (id < 0) {
            return;
        }
        boolean excel = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        exporting.set(true);
        ResultExporter.PageSource source = (offset, limit) -> client.resultPage(id, offset, limit);
        tasks.run("Exporting the result", () -> excel ? ResultExporter.excel(source, file)
                : ResultExporter.csv(source, file), written -> {
                    exporting.set(false);
                    onDone.accept(String.format(Locale.ROOT, "Exported %,d rows to %s", written, file));
                }, failure -> {
                    exporting.set(false);
                    onDone.accept(failure);
                });
    }

    public void clear() {
        resultId = -1;
        whole = null;
        sortable.set(false);
        columns.clear();
        rows.set(null);
        shown.set(0);
        rowCount.set(0);
        summary.set("");
        message.set("");
        truncated.set(false);
    }

    public ObservableList<Column> columns() {
        return columns;
    }

    /** The rows to show: paged for a large result, the whole (filtered) result for a small one. */
    public ReadOnlyObjectProperty<ObservableList<ResultRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** True once a small result is held whole: the grid may sort and filter it. */
    public ReadOnlyBooleanProperty sortableProperty() {
        return sortable.getReadOnlyProperty();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Rows passing the filter (all rows without one). */
    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty rowCountProperty() {
        return rowCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty truncatedProperty() {
        return truncated.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public boolean hasResult() {
        return resultId >= 0;
    }
}
