package io.sightline.server.execution.parameters;

/** One choice of a query-based dropdown, as Redash's {@code /api/queries/{id}/dropdown} lists it. */
record DropdownOption(String name, String value) {
}
