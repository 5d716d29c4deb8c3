package io.sightline.server.dashboard;

/** What a new dashboard starts with; the JSON fields are already checked and serialised. */
record NewDashboard(String name, String tagsJson, String layoutJson, String optionsJson, boolean draft) {
}
