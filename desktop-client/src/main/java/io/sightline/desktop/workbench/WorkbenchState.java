package io.sightline.desktop.workbench;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.desktop.AppHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the workbench restores on the next start: window place and size, divider positions, theme and the
 * open tabs (with their unsaved text), for the server they were open on. Kept in {@code workbench.json}.
 */
public record WorkbenchState(
        @JsonProperty("server") String server,
        @JsonProperty("x") double x,
        @JsonProperty("y") double y,
        @JsonProperty("width") double width,
        @JsonProperty("height") double height,
        @JsonProperty("maximized") boolean maximized,
        @JsonProperty("navigator_divider") double navigatorDivider,
        @JsonProperty("theme") String theme,
        @JsonProperty("tabs") List<TabState> tabs,
        @JsonProperty("selected_tab") int selectedTab) {

    /** A tab: the saved query it shows (or null), and its text when it had unsaved changes. */
    public record TabState(
            @JsonProperty("query_id") Long queryId,
            @JsonProperty("name") String name,
            @JsonProperty("data_source_id") long dataSourceId,
            @JsonProperty("unsaved_text") String unsavedText) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public WorkbenchState {
        tabs = tabs == null ? List.of() : List.copyOf(tabs);
        theme = theme == null ? "light" : theme;
    }

    public static WorkbenchState initial() {
        return new WorkbenchState(null, Double.NaN, Double.NaN, 1280, 800, false, 0.22, "light", List.of(), 0);
    }

    static Path file(Path directory) {
        return directory.resolve("workbench.json");
    }

    public static WorkbenchState load(Path directory) {
        Path file = file(directory);
        if (!Files.exists(file)) {
            return initial();
        }
        try {
            return JSON.readValue(Files.readString(file), WorkbenchState.class);
        } catch (IOException | RuntimeException unreadable) {
            return initial(); // a damaged file costs the layout, never the start
        }
    }

    /** Private like the connections: unsaved SQL may be sensitive. */
    public void save(Path directory) {
        AppHome.writePrivately(file(directory), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
    }
}
