package io.sightline.server.visualization;

import io.sightline.common.api.visualization.Visualization;
import io.sightline.server.auth.CurrentUser;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Redash's {@code /api/visualizations} endpoints; a query's visualizations are read with the query. */
@RestController
@RequestMapping("/api/visualizations")
class VisualizationController {

    private final VisualizationService service;
    private final VisualizationBodyReader reader;

    VisualizationController(VisualizationService service, VisualizationBodyReader reader) {
        this.service = service;
        this.reader = reader;
    }

    @PostMapping
    Visualization create(@RequestBody JsonNode body) {
        return service.create(CurrentUser.get(), reader.forCreate(body));
    }

    @PostMapping("/{id}")
    Visualization update(@PathVariable long id, @RequestBody JsonNode body) {
        return service.update(CurrentUser.get(), id, reader.forUpdate(body));
    }

    /** 200 with no body, as Redash's VisualizationResource.delete answers. */
    @DeleteMapping("/{id}")
    void delete(@PathVariable long id) {
        service.delete(CurrentUser.get(), id);
    }
}
