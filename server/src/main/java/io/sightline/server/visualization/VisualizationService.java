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

    /**
     * Changes the fields sent; what was not sent stays as it is.
     *
     * @throws ApiException 409 when the edit was read before the visualization's last save, or another save lands
     *         between this one's read and write: nobody's change is overwritten unseen
     */
    @Transactional
    Visualization update(SightlineUser caller, long id, VisualizationEdit edit) {
        VisualizationRow current = modifiable(caller, id);
        if (edit.lastRead() != null && !edit.lastRead().toInstant().equals(current.updatedAt().toInstant())) {
            throw changedMeanwhile(current, edit.lastRead());
        }
        String type = edit.type() != null ? edit.type() : current.type();
        String options = edit.optionsJson() != null ? edit.optionsJson() : current.options();
        json.requireValidOptions(type, options);
        var changed = new VisualizationRow(id, current.queryId(), type,
                edit.name() != null ? edit.name() : current.name(),
                edit.descriptionSent() ? edit.description() : current.description(), options,
                current.createdAt(), current.updatedAt());
        if (!repository.update(changed, later(now(), current.updatedAt()))) {
            throw changedMeanwhile(repository.find(id).orElseThrow(() -> notFound(id)), current.updatedAt());
        }
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

    private static ApiException changedMeanwhile(VisualizationRow current, OffsetDateTime read) {
        return ApiException.conflict("Visualization " + current.id() + " was saved at " + current.updatedAt()
                + ", after it was read (updated_at " + read + "); read it again, or leave out updated_at to"
                + " overwrite");
    }

    /** Now, or a microsecond after the last save if the clock says otherwise: every save moves updated_at on. */
    private static OffsetDateTime later(OffsetDateTime now, OffsetDateTime previous) {
        return now.isAfter(previous) ? now : previous.plusNanos(1_000);
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("Visualization " + id + " does not exist");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
