package io.sightline.server.datasource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Validated (and, when read from the store, decrypted) options of one data source, with the type's defaults
 * filling what was not given. Holds secrets in plain text: never log it ({@link #toString()} shows names only).
 */
final class DataSourceOptions {

    private final Map<String, Object> values;
    private final Map<String, OptionField> fields;

    DataSourceOptions(Map<String, Object> values, List<OptionField> fields) {
        this.values = Map.copyOf(values);
        this.fields = fields.stream().collect(Collectors.toUnmodifiableMap(OptionField::name, f -> f));
    }

    String string(String name) {
        Object value = value(name);
        return value == null ? null : value.toString();
    }

    long number(String name) {
        return ((Number) Objects.requireNonNull(value(name), name)).longValue();
    }

    boolean bool(String name) {
        return Boolean.TRUE.equals(value(name));
    }

    /** Whether the type has this option at all. */
    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** The plain values of the secret options that are set, for masking them in messages. */
    List<String> secrets() {
        return fields.values().stream().filter(OptionField::secret)
                .map(f -> string(f.name())).filter(v -> v != null && !v.isEmpty()).toList();
    }

    private Object value(String name) {
        OptionField field = fields.get(name);
        if (field == null) {
            throw new IllegalArgumentException("No option '" + name + "'");
        }
        Object value = values.get(name);
        return value != null ? value : field.defaultValue();
    }

    @Override
    public String toString() {
        return "DataSourceOptions" + values.keySet();
    }
}
