package io.sightline.common.api.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of {@code GET /api/dashboards} or {@code GET /api/dashboards/favorites}; {@code count} is the total. */
public record DashboardPage(
        @JsonProperty("count") long count,
        @JsonProperty("page") int page,
        @JsonProperty("page_size") int pageSize,
        @JsonProperty("results") List<Dashboard> results) {
}
