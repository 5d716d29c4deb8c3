package io.sightline.server.query;

import io.sightline.server.system.ApiException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The {@code order=} values of the query list; ties are broken by id so that pages do not overlap. */
enum QueryOrder {
    NAME("name", "LOWER(name), id"),
    NAME_DESC("-name", "LOWER(name) DESC, id DESC"),
    CREATED_AT("created_at", "created_at, id"),
    CREATED_AT_DESC("-created_at", "created_at DESC, id DESC"),
    UPDATED_AT("updated_at", "updated_at, id"),
    UPDATED_AT_DESC("-updated_at", "updated_at DESC, id DESC");

    static final QueryOrder DEFAULT = UPDATED_AT_DESC;

    private final String parameter;
    final String sql;

    QueryOrder(String parameter, String sql) {
        this.parameter = parameter;
        this.sql = sql;
    }

    static QueryOrder parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        return Arrays.stream(values()).filter(order -> order.parameter.equals(value.trim())).findFirst()
                .orElseThrow(() -> ApiException.badRequest("Unknown order '" + value + "'; use one of "
                        + Arrays.stream(values()).map(order -> order.parameter).collect(Collectors.joining(", "))));
    }
}
