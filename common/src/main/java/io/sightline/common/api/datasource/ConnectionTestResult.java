package io.sightline.common.api.datasource;

/** {@code POST /api/data_sources/{id}/test}: {@code ok} and, on failure, the database's own message. */
public record ConnectionTestResult(boolean ok, String message) {
}
