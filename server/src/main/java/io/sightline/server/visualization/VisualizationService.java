package io.sightline.server.visualization;

import io.sightline.common.api.visualization.Visualization;
import io.sightline.server.auth.SightlineUser;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.system.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visualizations follow their query: who may change the query may create, change and delete its visualizations;
 * who does not reach its data source is told "not found", for the visualization as for the query.
 */
@Service
class VisualizationService {

    private final VisualizationRepository repository;
    private final VisualizationJson json;
    private final SavedQueries queries;

    private final org.springframework.context.ApplicationEventPublisher events;

    VisualizationService(VisualizationRepository repository, VisualizationJson json, SavedQueries queries,
                         org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.json = json;
        this.queries = queries;
    }

    @Transactional
    Visualization create(SightlineUser caller, VisualizationEdit edit) {
        queries.requireModifiable(edit.queryId(), caller);
        json.requireValidOptions(edit.type(), edit.optionsJson());
        long id = repository.insert(edit.queryId(), edit.type(), edit.name(), edit.description(), edit.optionsJson(),
                now());
        events.publishEvent(io.sightline.server.system.Audited.of("add_visualization", "query", edit.queryId(),
                java.util.Map.of("visualization_id", id, "type", edit.type())));
        return json.visualization(repository.find(id).orElseThrow());
    }

    /** Changes the fields sent; what was not sent stays as it is. */
    @Transactional
    Visualization update(SightlineUser caller, long id, VisualizationEdit edit) {
        VisualizationRow current = modifiable(caller, id);
        String type = edit.type() != null ? edit.type() : current.type();
        String options = edit.optionsJson() != null ? edit.optionsJson() : current.options();
        json.requireValidOptions(type, options);
        var changed = new VisualizationRow(id, current.queryId(), type,
                edit.name() != null ? edit.name() : current.name(),
                edit.descriptionSent() ? edit.description() : current.description(), options,
                current.createdAt(), current.updatedAt());
        repository.update(changed, now());
        events.publishEvent(io.sightline.server.system.Audited.of("edit_visualization", "query", current.queryId(),
                java.util.Map.of("visualization_id", id)));
        return json.visualization(repository.find(id).orElseThrow());
    }

    @Transactional
    void delete(SightlineUser caller, long id) {
        VisualizationRow row = modifiable(caller, id);
        repository.delete(id);
        events.publishEvent(io.sightline.server.system.Audited.of("remove_visualization", "query", row.queryId(),
                java.util.Map.of("visualization_id", id)));
    }

    private VisualizationRow modifiable(SightlineUser caller, long id) {
        VisualizationRow row = repository.find(id).orElseThrow(() -> notFound(id));
        try {
            queries.requireModifiable(row.queryId(), caller);
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw notFound(id); // the same answer as for a visualization that does not exist
            }
            throw e;
        }
        return row;
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("Visualization " + id + " does not exist");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
