package io.sightline.server.visualization;

import io.sightline.common.api.visualization.Visualization;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may ask of visualizations. */
@Service
public class Visualizations {

    private final VisualizationRepository repository;
    private final VisualizationJson json;

    Visualizations(VisualizationRepository repository, VisualizationJson json) {
        this.repository = repository;
        this.json = json;
    }

    /**
     * A visualization the server adds to a query (demo data): no access check, the options checked as a request's.
     *
     * @return its id
     * @throws io.sightline.server.system.ApiException 400 naming an option no renderer could read
     */
    @Transactional
    public long create(long queryId, String type, String name, String description, String optionsJson) {
        json.requireValidOptions(type, optionsJson);
        return repository.insert(queryId, type, name, description, json.normalized(optionsJson),
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    /**
     * Replaces a visualization's options (the server's own bootstrap: no access check), checked as a request's.
     *
     * @throws io.sightline.server.system.ApiException 400 naming an option no renderer could read
     */
    @Transactional
    public void updateOptions(long id, String optionsJson) {
        VisualizationRow row = repository.find(id).orElseThrow();
        json.requireValidOptions(row.type(), optionsJson);
        boolean written = repository.update(new VisualizationRow(id, row.queryId(), row.type(), row.name(),
                row.description(), json.normalized(optionsJson), row.createdAt(), row.updatedAt()),
                OffsetDateTime.now(ZoneOffset.UTC));
        requireWritten(written, id);
    }

    /** A visualization and the query it belongs to. */
    public record OfQuery(Visualization visualization, long queryId) {
    }

    /** The visualization with that id, whoever asks (the caller's access is the query's: check it there). */
    public Optional<OfQuery> find(long id) {
        return repository.find(id).map(row -> new OfQuery(json.visualization(row), row.queryId()));
    }

    /**
     * Makes the query's visualizations those given, in that order (an import): the first ones are updated in place
     * (so their widgets stay), missing ones created, extra ones deleted (with their widgets). No access check.
     *
     * @return the ids, in the order given
     */
    @Transactional
    public java.util.List<Long> replace(long queryId, java.util.List<Visualization> wanted) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        java.util.List<VisualizationRow> existing = repository.ofQuery(queryId);
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Visualization v = wanted.get(i);
            String options = json.normalized(json.write(v.options() == null ? java.util.Map.of() : v.options()));
            json.requireValidOptions(v.type(), options);
            String description = v.description() == null ? "" : v.description();
            if (i < existing.size()) {
                VisualizationRow row = existing.get(i);
                requireWritten(repository.update(new VisualizationRow(row.id(), queryId, v.type(), v.name(),
                        description, options, row.createdAt(), row.updatedAt()), now), row.id());
                ids.add(row.id());
            } else {
                ids.add(repository.insert(queryId, v.type(), v.name(), description, options, now));
            }
        }
        for (int i = wanted.size(); i < existing.size(); i++) {
            repository.delete(existing.get(i).id());
        }
        return ids;
    }

    /** A save that landed between this one's read and write: refused, so that neither is half applied. */
    private static void requireWritten(boolean written, long id) {
        if (!written) {
            throw io.sightline.server.system.ApiException.conflict("Visualization " + id
                    + " was saved by someone else meanwhile; try again");
        }
    }
}
