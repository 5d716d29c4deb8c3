package io.sightline.server.datasource;

/**
 * Published inside the deleting transaction, before the row goes: features that refer to the data source
 * (saved queries, results) detach or remove their rows in a listener, or the delete fails with 409.
 */
public record DataSourceDeleted(long id, String name) {
}
