package io.sightline.common.visualization;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One result row as a read-only map from column name to value, over the row's own value array: the names and their
 * positions are shared by every row of a result ({@link Shape}), so a row costs its array and one small object
 * instead of a hash map of entries (a million rows of two cells: about 24 MB against about 200 MB). It reads as
 * the {@code LinkedHashMap} a row used to be: columns in order, and where two columns share a name, one key at the
 * first one's place holding the last one's value.
 */
public final class ResultRow extends AbstractMap<String, Object> {

    private final Shape shape;
    private final Object[] values;

    private ResultRow(Shape shape, Object[] values) {
        this.shape = shape;
        this.values = values;
    }

    /** The names of a result's columns, and where each name's value sits in a row's array. */
    public static final class Shape {
        private final String[] keys;
        private final int[] positions;
        private final Map<String, Integer> byName;

        private Shape(List<String> columnNames) {
            Map<String, Integer> last = new LinkedHashMap<>();
            for (int i = 0; i < columnNames.size(); i++) {
                last.put(columnNames.get(i), i);
            }
            keys = last.keySet().toArray(String[]::new);
            positions = last.values().stream().mapToInt(Integer::intValue).toArray();
            byName = new HashMap<>(last);
        }

        public static Shape of(List<String> columnNames) {
            return new Shape(columnNames);
        }

        /** A row of this shape over {@code values} (one per column, in column order; kept, not copied). */
        public ResultRow row(Object[] values) {
            return new ResultRow(this, values);
        }
    }

    @Override
    public Object get(Object key) {
        Integer at = shape.byName.get(key);
        return at == null || at >= values.length ? null : values[at];
    }

    @Override
    public boolean containsKey(Object key) {
        return shape.byName.containsKey(key);
    }

    @Override
    public int size() {
        return shape.keys.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < shape.keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int at = shape.positions[next];
                        return new SimpleImmutableEntry<>(shape.keys[next++], at < values.length ? values[at] : null);
                    }
                };
            }

            @Override
            public int size() {
                return shape.keys.length;
            }
        };
    }
}
