package io.sightline.server.query;

/** What a new query row holds besides who owns it: used by create and fork. */
record QueryContent(long dataSourceId, String name, String description, String queryText, String scheduleJson,
                    String optionsJson, boolean draft) {
}
