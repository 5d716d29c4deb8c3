package io.sightline.common.visualization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read view over an options object (a JSON map) with Redash's defaults merged under it, as lodash's
 * {@code merge({}, DEFAULTS, saved)} does: objects merged key by key, arrays index by index, saved values win.
 * The saved map is never changed, so what is written back is exactly what was read plus what the user set.
 */
public class Options {

    private final Map<String, Object> saved;
    private final Map<String, Object> effective;

    protected Options(Map<String, Object> saved, Map<String, Object> defaults) {
        this(saved, saved, defaults);
    }

    /** @param readable what is read (saved options with legacy values upgraded); {@code saved} stays as it is */
    protected Options(Map<String, Object> saved, Map<String, Object> readable, Map<String, Object> defaults) {
        this.saved = saved == null ? Map.of() : saved;
        this.effective = merge(defaults, readable == null ? Map.of() : readable);
    }

    /** The options as saved: the key set and values the server returned, unknown keys included. */
    public Map<String, Object> saved() {
        return saved;
    }

    /** The saved options over the type's defaults. */
    public Map<String, Object> effective() {
        return effective;
    }

    /** A copy of the saved options with one top-level key set: what an editor writes back. */
    public Map<String, Object> with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(saved);
        copy.put(key, value);
        return copy;
    }

    /** The value at a dotted path ({@code legend.enabled}, {@code yAxis.1.type}), or null. */
    public Object get(String path) {
        Object node = effective;
        for (String part : path.split("\\.")) {
            if (node instanceof Map<?, ?> map) {
                node = map.get(part);
            } else if (node instanceof List<?> list && part.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(part);
                node = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return node;
    }

    public String string(String path) {
        Object value = get(path);
        return value == null ? null : value instanceof String s ? s : String.valueOf(value);
    }

    public boolean bool(String path) {
        Object value = get(path);
        return value instanceof Boolean b ? b : value != null && !"false".equals(value) && !Integer.valueOf(0).equals(value);
    }

    /** A number, or {@code fallback} when absent or not a number (numbers saved as text are read too). */
    public double number(String path, double fallback) {
        Object value = get(path);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** The object at the path as a map, empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String path) {
        return get(path) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String path) {
        return get(path) instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** lodash {@code merge}: deep for objects and arrays (by index); a saved null replaces a default, as there. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> defaults, Map<String, Object> saved) {
        Map<String, Object> result = new LinkedHashMap<>();
        defaults.forEach((key, value) -> result.put(key, copy(value)));
        saved.forEach((key, value) -> result.put(key, mergeValue(result.get(key), value)));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Object mergeValue(Object base, Object value) {
        if (base instanceof Map<?, ?> b && value instanceof Map<?, ?> v) {
            return merge((Map<String, Object>) b, (Map<String, Object>) v);
        }
        if (base instanceof List<?> b && value instanceof List<?> v) {
            List<Object> merged = new ArrayList<>();
            for (int i = 0; i < Math.max(b.size(), v.size()); i++) {
                merged.add(i < v.size() ? (i < b.size() ? mergeValue(b.get(i), v.get(i)) : copy(v.get(i))) : copy(b.get(i)));
            }
            return merged;
        }
        return copy(value);
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            return merge(Map.of(), (Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(Options::copy).toList());
        }
        return value;
    }

    /** Builds a defaults map from key/value pairs, keeping their order. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
