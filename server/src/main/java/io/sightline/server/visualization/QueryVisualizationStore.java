package io.sightline.server.visualization;

import io.sightline.common.api.visualization.Visualization;
import io.sightline.server.query.QueryVisualizations;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The visualizations of saved queries, as the query feature lists, creates and copies them. */
@Component
class QueryVisualizationStore implements QueryVisualizations {

    private final VisualizationRepository repository;
    private final VisualizationJson json;

    QueryVisualizationStore(VisualizationRepository repository, VisualizationJson json) {
        this.repository = repository;
        this.json = json;
    }

    @Override
    public List<Visualization> of(long queryId) {
        return repository.ofQuery(queryId).stream().map(json::visualization).toList();
    }

    @Override
    public Map<Long, List<Visualization>> of(Collection<Long> queryIds) {
        Map<Long, List<Visualization>> byQuery = new HashMap<>();
        if (!queryIds.isEmpty()) {
            repository.ofQueries(queryIds).forEach(row -> byQuery.computeIfAbsent(row.queryId(), k -> new ArrayList<>())
                    .add(json.visualization(row)));
        }
        return byQuery;
    }

    @Override
    public void addDefaultTable(long queryId, OffsetDateTime now) {
        repository.insert(queryId, "TABLE", "Table", "", "{}", now);
    }

    @Override
    public void copy(long fromQueryId, long toQueryId, OffsetDateTime now) {
        repository.copy(fromQueryId, toQueryId, now);
    }
}
