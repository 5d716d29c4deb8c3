package io.sightline.server.datasource;

/**
 * A data source as a user is about to run a query on it: what running needs to know, and whether the user may only
 * run its saved safe queries (view-only access through all of their groups that have it).
 */
public record DataSourceAccess(DataSourceInfo info, boolean viewOnly) {
}
