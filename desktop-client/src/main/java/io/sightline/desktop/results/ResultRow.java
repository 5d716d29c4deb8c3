package io.sightline.desktop.results;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** A row of the grid; its values arrive when its page has been fetched (null until then). */
public final class ResultRow {

    private final long index;
    private final ReadOnlyObjectWrapper<Object[]> values = new ReadOnlyObjectWrapper<>();

    ResultRow(long index) {
        this.index = index;
    }

    public long index() {
        return index;
    }

    public ReadOnlyObjectProperty<Object[]> valuesProperty() {
        return values.getReadOnlyProperty();
    }

    public boolean loaded() {
        return values.get() != null;
    }

    public Object value(int column) {
        Object[] row = values.get();
        return row == null || column >= row.length ? null : row[column];
    }

    /** The values, or null while the row's page is being fetched. */
    public Object[] values() {
        return values.get();
    }

    void fill(Object[] row) {
        values.set(row);
    }
}
