package io.sightline.common.parameter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * SQL with its parameters written in, and the canonical value of each parameter (a string, a list of
 * strings or {@code {start, end}}), for showing what ran and for keying a result cache.
 */
public record BoundQuery(String sql, Map<String, Object> appliedValues) {

    public BoundQuery {
        Objects.requireNonNull(sql, "sql");
        appliedValues = Collections.unmodifiableMap(new LinkedHashMap<>(appliedValues));
    }
}
