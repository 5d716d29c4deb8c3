package io.sightline.common.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DashboardParameterValuesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dashboard() {
        return JSON.readValue("""
                {"id": 7, "options": {"parameters": [{"name": "region", "value": "APAC"}]},
                 "widgets": [
                  {"id": 1, "options": {"parameterMappings": {
                      "region": {"name": "region", "type": "dashboard-level", "mapTo": "region"},
                      "days": {"name": "days", "type": "static-value", "value": 30}}},
                   "visualization": {"query": {"id": 11, "options": {"parameters": [
                      {"name": "region", "type": "enum", "value": "EMEA"},
                      {"name": "days", "type": "number", "value": 90}]}}}},
                  {"id": 2, "options": {"parameterMappings": {
                      "area": {"name": "area", "type": "dashboard-level", "mapTo": "region"}}},
                   "visualization": {"query": {"id": 12, "options": {"parameters": [
                      {"name": "area", "type": "text", "value": "x"},
                      {"name": "period", "type": "date-range", "value": {"start": "2024-01-01", "end": "2024-12-31"}}]}}}},
                  {"id": 3, "text": "# notes", "options": {}},
                  {"id": 4, "restricted": true, "options": {}}]}""", Map.class);
    }

    @Test
    void dashboardLevelValuesComeFromTheUrlThenTheSavedValues() {
        var saved = DashboardParameterValues.resolve(dashboard(), Map.of());
        assertThat(saved.dashboard()).containsEntry("region", "APAC");
        assertThat(saved.widgets().get(1L)).containsEntry("region", "APAC").containsEntry("days", 30);
        assertThat(saved.widgets().get(2L)).containsEntry("area", "APAC");
        assertThat(saved.widgets()).as("text and restricted widgets run nothing").containsOnlyKeys(1L, 2L);

        var fromUrl = DashboardParameterValues.resolve(dashboard(), Map.of("p_region", "AMER",
                "p_w2_period", "2025-01-01--2025-03-31"));
        assertThat(fromUrl.widgets().get(1L)).containsEntry("region", "AMER");
        assertThat(fromUrl.widgets().get(2L)).containsEntry("area", "AMER")
                .containsEntry("period", Map.of("start", "2025-01-01", "end", "2025-03-31"));
    }

    @Test
    void onlyWidgetsWhoseValuesChangedReRun() {
        var before = DashboardParameterValues.resolve(dashboard(), Map.of("p_region", "AMER"));
        var widgetOnly = DashboardParameterValues.resolve(dashboard(), Map.of("p_region", "AMER",
                "p_w2_period", "d_last_7_days"));
        assertThat(widgetOnly.changedSince(before)).containsExactly(2L);
        var both = DashboardParameterValues.resolve(dashboard(), Map.of("p_region", "LATAM"));
        assertThat(both.changedSince(before)).containsExactlyInAnyOrder(1L, 2L);
        assertThat(before.changedSince(null)).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void linksAreWrittenInRedashsFormAndTheGuidesFormIsAnAlias() {
        var redash = DashboardLink.parse("http://host/dashboards/12-region-detail?p_region=EMEA&refresh=300")
                .orElseThrow();
        assertThat(redash.dashboardId()).isEqualTo(12);
        assertThat(redash.parameters()).containsEntry("p_region", "EMEA").containsEntry("refresh", "300");
        var guide = DashboardLink.parse("/dashboard/12?region=North%20America").orElseThrow();
        assertThat(guide.parameters()).containsExactly(Map.entry("p_region", "North America"));
        assertThat(guide.toPath("region-detail")).isEqualTo("/dashboards/12-region-detail?p_region=North%20America");
        assertThat(DashboardLink.parse("/queries/12")).isEmpty();
        assertThat(List.of(DashboardParameterValues.fromUrl(Map.of("type", "enum", "multiValuesOptions", Map.of()),
                Map.of("p_r", "[\"EMEA\",\"APAC\"]"), "p_r"))).containsExactly(List.of("EMEA", "APAC"));
    }

    @Test
    void theHeaderShowsEachDashboardParameterOnceWithItsFirstMappedDeclaration() {
        var declarations = DashboardParameterValues.declarations(dashboard());
        assertThat(declarations).containsOnlyKeys("region");
        assertThat(declarations.get("region")).containsEntry("type", "enum").containsEntry("name", "region");
    }

    @Test
    void aValueWrittenForTheUrlIsReadBackAsTheSameValue() {
        Map<String, Object> dashboard = dashboard();
        for (Object value : List.of("EMEA", Map.of("start", "2025-01-01", "end", "2025-03-31"))) {
            String text = DashboardParameterValues.urlText(value);
            var resolved = DashboardParameterValues.resolve(dashboard, Map.of("p_w2_period", text, "p_region", text));
            Object read = value instanceof Map<?, ?> ? resolved.widgets().get(2L).get("period")
                    : resolved.dashboard().get("region");
            assertThat(read).as(text).isEqualTo(value);
        }
        assertThat(DashboardParameterValues.urlText(List.of("a \"b\"", "c"))).isEqualTo("[\"a \\\"b\\\"\",\"c\"]");
        assertThat(DashboardParameterValues.urlText(null)).isEmpty();
    }
}
