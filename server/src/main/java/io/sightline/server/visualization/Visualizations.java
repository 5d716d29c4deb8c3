package io.sightline.server.visualization;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
}
